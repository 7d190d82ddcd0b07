//! The test harness: each test gets the real application on its own port,
//! against its own database cloned from a migrated template, and a client
//! that keeps cookies and does not follow redirects.

use std::net::TcpListener;
use std::sync::OnceLock;

use diesel::{Connection, PgConnection, RunQueryDsl};
use haven::config::Config;
use haven::startup::{Application, build_state};
use haven::web::AppState;

/// The server to create test databases on (the test script starts one).
pub fn admin_url() -> String {
    std::env::var("HAVEN_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn url_for(db: &str) -> String {
    let admin = admin_url();
    let (base, _) = admin.rsplit_once('/').expect("a database URL has a path");
    format!("{base}/{db}")
}

fn random_suffix() -> String {
    haven::crypto::new_token()[..16].to_string()
}

/// The migrated template every test database is cloned from; built once per
/// test run, named after the migrations so a change rebuilds it.
fn template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let mut fingerprint = String::new();
        let mut entries: Vec<_> =
            std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
                .expect("migrations folder")
                .map(|e| e.expect("entry").path())
                .collect();
        entries.sort();
        for dir in entries {
            for file in ["up.sql", "down.sql"] {
                fingerprint.push_str(&std::fs::read_to_string(dir.join(file)).unwrap_or_default());
            }
        }
        let digest = haven::crypto::digest_token(&fingerprint);
        let name = format!("haven_template_{}", hex_prefix(&digest));
        let mut admin =
            PgConnection::establish(&admin_url()).expect("connect to the test PostgreSQL server");
        diesel::sql_query("SELECT pg_advisory_lock(4242)")
            .execute(&mut admin)
            .expect("lock");
        let exists: i64 = diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            &format!("(SELECT count(*) FROM pg_database WHERE datname = '{name}')"),
        ))
        .get_result(&mut admin)
        .expect("look up template");
        if exists == 0 {
            let building = format!("{name}_building");
            diesel::sql_query(format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
                .execute(&mut admin)
                .unwrap();
            diesel::sql_query(format!("CREATE DATABASE {building}"))
                .execute(&mut admin)
                .unwrap();
            {
                let mut conn = PgConnection::establish(&url_for(&building)).unwrap();
                // Up, down and up again: every migration must be reversible.
                use diesel_migrations::MigrationHarness;
                conn.run_pending_migrations(haven::db::MIGRATIONS).unwrap();
                conn.revert_all_migrations(haven::db::MIGRATIONS).unwrap();
                conn.run_pending_migrations(haven::db::MIGRATIONS).unwrap();
            }
            diesel::sql_query(format!("ALTER DATABASE {building} RENAME TO {name}"))
                .execute(&mut admin)
                .unwrap();
        }
        diesel::sql_query("SELECT pg_advisory_unlock(4242)")
            .execute(&mut admin)
            .unwrap();
        name
    })
}

fn hex_prefix(bytes: &[u8]) -> String {
    bytes.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// A fresh database for one test, dropped when the guard is.
pub struct TestDb {
    pub name: String,
    pub url: String,
}

impl TestDb {
    pub fn new() -> Self {
        let template = template();
        let name = format!("haven_test_{}", random_suffix());
        let mut admin =
            PgConnection::establish(&admin_url()).expect("connect to the test PostgreSQL server");
        diesel::sql_query(format!(
            "CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY"
        ))
        .execute(&mut admin)
        .expect("create the test database");
        Self {
            url: url_for(&name),
            name,
        }
    }

    pub fn connect(&self) -> PgConnection {
        PgConnection::establish(&self.url).expect("connect to the test database")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut admin) = PgConnection::establish(&admin_url()) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .execute(&mut admin);
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub db: TestDb,
    pub state: AppState,
    pub client: reqwest::Client,
    pub key_dir: std::path::PathBuf,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
        let _ = std::fs::remove_dir_all(&self.key_dir);
    }
}

/// Options for [`spawn_app_with`].
#[derive(Default)]
pub struct Options {
    /// Serve as in production (Secure cookies) rather than local development.
    pub production: bool,
    /// Point the app at a database that does not exist (PostgreSQL "down").
    pub database_missing: bool,
    /// `HAVEN_SMTP_URL`; without it, mail goes to files.
    pub smtp_url: Option<String>,
    /// `HAVEN_MAIL_RETRY_SECS` and `HAVEN_MAIL_MAX_ATTEMPTS`.
    pub mail_retry_secs: Option<u64>,
    pub mail_max_attempts: Option<i32>,
    /// `HAVEN_MAIL_CONSTANT=1`.
    pub mail_constant: bool,
    /// Listen on this loopback address instead of 127.0.0.1.
    pub bind_ip: Option<&'static str>,
    /// `HAVEN_TRUSTED_PROXIES`.
    pub trusted_proxies: Option<&'static str>,
    /// `HAVEN_REQUIRE_2FA`.
    pub require_2fa: Option<&'static str>,
    /// An `https://` `HAVEN_BASE_URL` (the test still speaks plain HTTP, as
    /// it would behind a TLS proxy).
    pub https_base_url: bool,
    /// `HAVEN_EXIT_URL`: where the quick exit leaves for.
    pub exit_url: Option<String>,
    /// `HAVEN_RETENTION_DAYS`: how long a closed case is kept.
    pub retention_days: Option<i64>,
    /// Reach the database through PgBouncer in transaction mode.
    pub through_pgbouncer: bool,
    /// `HAVEN_BASE_URL` names the host `localhost` (passkeys need a domain
    /// name; the server still listens on 127.0.0.1).
    pub localhost_base_url: bool,
    /// Any other configuration.
    pub env: Vec<(&'static str, String)>,
}

/// PgBouncer in transaction mode before the test server (the test script
/// starts it).
pub fn pgbouncer_url() -> String {
    std::env::var("HAVEN_TEST_PGBOUNCER_URL").expect(
        "HAVEN_TEST_PGBOUNCER_URL is not set: run the suite with scripts/test.sh, which starts PgBouncer",
    )
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(Options::default()).await
}

/// Logs written while the tests run, as production writes them (JSON).
pub fn captured_logs() -> String {
    String::from_utf8_lossy(&log_buffer().lock().unwrap()).into_owned()
}

fn log_buffer() -> &'static std::sync::Arc<std::sync::Mutex<Vec<u8>>> {
    static BUFFER: OnceLock<std::sync::Arc<std::sync::Mutex<Vec<u8>>>> = OnceLock::new();
    BUFFER.get_or_init(|| {
        let buffer = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = buffer.clone();
        let _ = tracing_subscriber::fmt()
            .json()
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || LogWriter(sink.clone()))
            .try_init();
        buffer
    })
}

struct LogWriter(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub async fn spawn_app_with(options: Options) -> TestApp {
    let _ = log_buffer();
    let db = TestDb::new();
    let ip = options.bind_ip.unwrap_or("127.0.0.1");
    let listener = TcpListener::bind((ip, 0)).unwrap();
    let port = listener.local_addr().unwrap().port();
    let key_dir = std::env::temp_dir().join(format!("haven-test-{}", random_suffix()));
    std::fs::create_dir_all(&key_dir).unwrap();
    let key_file = key_dir.join("master.key");
    let database_url = if options.database_missing {
        url_for("haven_no_such_database")
    } else if options.through_pgbouncer {
        format!("{}/{}", pgbouncer_url(), db.name)
    } else {
        db.url.clone()
    };

    let mut vars = vec![
        ("DATABASE_URL", database_url),
        ("HAVEN_BIND", format!("{ip}:{port}")),
        (
            "HAVEN_BASE_URL",
            if options.https_base_url {
                format!("https://{ip}:{port}")
            } else if options.localhost_base_url {
                format!("http://localhost:{port}")
            } else {
                format!("http://{ip}:{port}")
            },
        ),
        ("HAVEN_MASTER_KEY_FILE", key_file.display().to_string()),
        ("HAVEN_MAIL_DIR", key_dir.join("mail").display().to_string()),
        (
            "HAVEN_DEV",
            if options.production { "0" } else { "1" }.to_string(),
        ),
    ];
    if options.through_pgbouncer {
        vars.push(("HAVEN_DATABASE_POOLER", "transaction".to_string()));
    }
    if let Some(list) = options.trusted_proxies {
        vars.push(("HAVEN_TRUSTED_PROXIES", list.to_string()));
    }
    if let Some(rule) = options.require_2fa {
        vars.push(("HAVEN_REQUIRE_2FA", rule.to_string()));
    }
    if let Some(url) = &options.smtp_url {
        vars.push(("HAVEN_SMTP_URL", url.clone()));
    }
    if let Some(n) = options.mail_retry_secs {
        vars.push(("HAVEN_MAIL_RETRY_SECS", n.to_string()));
    }
    if let Some(n) = options.mail_max_attempts {
        vars.push(("HAVEN_MAIL_MAX_ATTEMPTS", n.to_string()));
    }
    if options.mail_constant {
        vars.push(("HAVEN_MAIL_CONSTANT", "1".to_string()));
    }
    if let Some(url) = &options.exit_url {
        vars.push(("HAVEN_EXIT_URL", url.clone()));
    }
    if let Some(days) = options.retention_days {
        vars.push(("HAVEN_RETENTION_DAYS", days.to_string()));
    }
    // Given first, so that they win over the defaults above.
    vars.splice(0..0, options.env.iter().cloned());
    if options.production {
        haven::crypto::Keyring::load(&key_file, true).unwrap();
    }
    let config =
        Config::from_lookup(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
            .unwrap();
    let state = build_state(config).expect("build state");
    let app = Application::build_with_listener(state.clone(), listener).expect("build app");
    let server = tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap();
    TestApp {
        address: format!("http://{ip}:{port}"),
        db,
        state,
        client,
        key_dir,
        server,
    }
}

/// Another instance of Haven serving the same database with the same key
/// file, as a second server behind a load balancer would.
pub struct Instance {
    pub address: String,
    pub state: AppState,
    server: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl TestApp {
    pub async fn second_instance(&self) -> Instance {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let vars = [
            ("DATABASE_URL", self.db.url.clone()),
            ("HAVEN_BIND", format!("127.0.0.1:{port}")),
            ("HAVEN_BASE_URL", format!("http://127.0.0.1:{port}")),
            (
                "HAVEN_MASTER_KEY_FILE",
                self.key_dir.join("master.key").display().to_string(),
            ),
            (
                "HAVEN_MAIL_DIR",
                self.key_dir.join("mail").display().to_string(),
            ),
            ("HAVEN_DEV", "1".to_string()),
        ];
        let config =
            Config::from_lookup(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
                .unwrap();
        let state = build_state(config).expect("build state");
        let app = Application::build_with_listener(state.clone(), listener).expect("build app");
        Instance {
            address: format!("http://127.0.0.1:{port}"),
            state,
            server: tokio::spawn(app.run_until_stopped()),
        }
    }
}

/// A fresh client (another browser) with no cookies.
pub fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .build()
        .unwrap()
}

/// Undoes askama's HTML escaping (for reading links out of pages).
pub fn unescape(html: &str) -> String {
    html.replace("&#38;", "&")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
}

/// Decodes a quoted-printable email body (soft line breaks, =XX bytes).
pub fn decode_qp(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            )
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub fn plain(html: &str) -> String {
    html.replace(['\u{2068}', '\u{2069}'], "")
}

/// The value of the hidden field `name` in a page.
pub fn hidden_value(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("the page has {name}"))
        + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

/// The value of `name="csrf_token"` in a page.
pub fn csrf_token(html: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker).expect("the page has a CSRF token") + marker.len();
    html[start..].split('"').next().unwrap().to_string()
}

/// The text content of the element with `id`.
pub fn element_text(html: &str, id: &str) -> Option<String> {
    let marker = format!("id=\"{id}\"");
    let at = html.find(&marker)?;
    let open_end = at + html[at..].find('>')? + 1;
    let close = open_end + html[open_end..].find('<')?;
    Some(html[open_end..close].trim().to_string())
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Every account with a key pair and the test password does what it does
/// at sign-in: takes from escrow what it is entitled to, and grants what it
/// holds to everyone entitled who waits.
pub fn grant_as_holders(
    conn: &mut haven::db::Conn,
    keyring: &haven::crypto::Keyring,
) -> Result<(), haven::db::DbError> {
    for account in haven::db::people_keys::active_accounts(conn)? {
        if account.public_key.is_none() {
            continue;
        }
        let user = haven::db::users::find(conn, account.id)?.unwrap();
        let Some(hash) = user.password_hash else {
            continue;
        };
        let haven::crypto::Checked::Right(seed) = haven::crypto::check_blocking(PASSWORD, &hash)
        else {
            continue;
        };
        if let Some(secret) = haven::custody::accounts::unseal(&account, &seed) {
            haven::custody::shared::grant_pending(conn, keyring, account.id, &secret)?;
        }
        let waiting = haven::custody::shared::waiting(conn)?;
        if waiting.iter().all(|w| w.needs_sign_in) && haven::custody::shared::escrowed(conn)? == 0 {
            break;
        }
    }
    Ok(())
}

/// The TOTP secret of every account the helpers enrol.
pub fn test_totp_secret() -> Vec<u8> {
    (0u8..20)
        .map(|i| i.wrapping_mul(37).wrapping_add(11))
        .collect()
}

/// The TOTP code for `secret` now (SHA-1, 6 digits, 30 s), computed here
/// as an authenticator app would.
pub fn totp_now(secret: &[u8]) -> String {
    totp_at(
        secret,
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
    )
}

pub fn totp_at(secret: &[u8], time: u64) -> String {
    totp_rs::Builder::new()
        .with_secret(secret.to_vec())
        .build()
        .unwrap()
        .generate(time)
        .to_string()
}

/// A report form: narrative plus the given fields, as multipart.
pub struct ReportForm {
    pub fields: Vec<(&'static str, String)>,
    pub files: Vec<(String, Vec<u8>)>,
}

impl ReportForm {
    pub fn new(narrative: &str) -> Self {
        Self {
            fields: vec![("narrative", narrative.to_string())],
            files: Vec::new(),
        }
    }
    pub fn field(mut self, name: &'static str, value: &str) -> Self {
        self.fields.push((name, value.to_string()));
        self
    }
    pub fn file(mut self, name: &str, bytes: &[u8]) -> Self {
        self.files.push((name.to_string(), bytes.to_vec()));
        self
    }
}

/// A tiny valid PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// Posts `fields` to `path` with `client`, as a browser posts a form it
/// was shown: the page at `page` is fetched first, and its form token is
/// added to the fields.
pub async fn post_with_token_of(
    app: &TestApp,
    client: &reqwest::Client,
    page: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let page = client
        .get(app.url(page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token(&page);
    let mut form: Vec<(&str, &str)> = fields.to_vec();
    form.push(("csrf_token", &token));
    client.post(app.url(path)).form(&form).send().await.unwrap()
}

/// Posts a staff form as the person signed in with `client`, with their
/// session's form token (read from their account page).
pub async fn post_as(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    post_with_token_of(app, client, "/staff/account", path, fields).await
}

/// Posts a form of the reporter's visit opened with `client`, with the
/// visit's form token (read from the follow-up page of the case).
pub async fn post_as_reporter(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    post_with_token_of(app, client, "/follow-up/case", path, fields).await
}

/// A new client signed in as `email` (with the test password and a fresh
/// one-time code).
pub async fn signed_in(app: &TestApp, email: &str) -> reqwest::Client {
    let client = new_client();
    let res = app.login_with(&client, email, PASSWORD).await;
    assert_eq!(res.status(), 303, "signed in");
    client
}

/// A new client signed in as a new liaison of the group `group_name`.
pub async fn liaison(app: &TestApp, group_name: &str) -> reqwest::Client {
    signed_in(app, &app.create_user("liaison", Some(group_name))).await
}

/// The paths of the referrals a page links to, in the order shown.
pub fn referral_links(html: &str) -> Vec<String> {
    html.match_indices("href=\"/staff/referrals/")
        .map(|(i, _)| html[i + 6..].chars().take_while(|c| *c != '"').collect())
        .collect()
}

/// Opens case `reference` with `receipt` on the follow-up form, as the
/// reporter does with `client` (fetching the form for its token).
pub async fn open_follow_up(
    app: &TestApp,
    client: &reqwest::Client,
    reference: &str,
    receipt: &str,
) -> reqwest::Response {
    post_with_token_of(
        app,
        client,
        "/follow-up",
        "/follow-up",
        &[("reference", reference), ("receipt", receipt)],
    )
    .await
}

/// The single-use set-password link shown once to an admin, as a path.
pub fn link_path(html: &str) -> String {
    let link = element_text(html, "password-link").expect("the link is shown once");
    link[link.find("/staff/password/").unwrap()..].to_string()
}

/// Sets a password through the link at `path`, with its confirmation and a
/// recovery key (empty: none); the response.
pub async fn use_password_link(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    (password, confirm): (&str, &str),
    recovery_key: &str,
) -> reqwest::Response {
    post_with_token_of(
        app,
        client,
        path,
        path,
        &[
            ("password", password),
            ("confirm", confirm),
            ("recovery_key", recovery_key),
        ],
    )
    .await
}

/// Where the page's file form (`multipart/form-data`) posts to.
pub fn multipart_action(page: &str) -> String {
    let at = page.find("enctype=\"multipart/form-data\"").unwrap();
    let start = page[..at].rfind("action=\"").unwrap() + "action=\"".len();
    unescape(
        &page[start..]
            .chars()
            .take_while(|c| *c != '"')
            .collect::<String>(),
    )
}

/// The follow-up page of the case `client` has opened, as text (see
/// [`plain`]).
pub async fn follow_up_page(app: &TestApp, client: &reqwest::Client) -> String {
    plain(
        &client
            .get(app.url("/follow-up/case"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    )
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// The page at `path`, with Fluent's invisible bidi isolation marks
    /// (U+2068, U+2069) removed so that tests can compare text.
    pub async fn get_text(&self, path: &str) -> String {
        plain(&self.get(path).await.text().await.unwrap())
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    /// Submits a report the way the browser does: fetches the form for its
    /// token, then posts the multipart body.
    pub async fn submit_report(&self, form: ReportForm) -> reqwest::Response {
        let page = self.get_text("/report").await;
        let token = csrf_token(&page);
        self.post_report_with_token(form, &token).await
    }

    pub async fn post_report_with_token(&self, form: ReportForm, token: &str) -> reqwest::Response {
        let mut body = reqwest::multipart::Form::new().text("csrf_token", token.to_string());
        for (name, value) in form.fields {
            body = body.text(name, value);
        }
        for (name, bytes) in form.files {
            body = body.part(
                "evidence",
                reqwest::multipart::Part::bytes(bytes).file_name(name),
            );
        }
        self.client
            .post(self.url("/report"))
            .multipart(body)
            .send()
            .await
            .expect("request")
    }

    /// Posts one step of the report form (multipart, as a browser does)
    /// to `/report{query}` with the app's client.
    pub async fn report_step(
        &self,
        query: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> reqwest::Response {
        self.report_step_as(&self.client, query, fields, files)
            .await
    }

    /// The same from another browser (`client`).
    pub async fn report_step_as(
        &self,
        client: &reqwest::Client,
        query: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> reqwest::Response {
        let mut body = reqwest::multipart::Form::new();
        for (name, value) in fields {
            body = body.text(name.to_string(), value.to_string());
        }
        for (name, bytes) in files {
            body = body.part(
                "evidence",
                reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_string()),
            );
        }
        client
            .post(self.url(&format!("/report{query}")))
            .multipart(body)
            .send()
            .await
            .expect("request")
    }

    /// The report form with every question on one page (`query` carries
    /// the language, if any).
    pub async fn report_all_questions(&self, query: &str) -> String {
        let page = self.get_text(&format!("/report{query}")).await;
        let token = csrf_token(&page);
        let res = self
            .report_step(
                query,
                &[("csrf_token", &token), ("step", "1"), ("go", "all")],
                &[],
            )
            .await;
        assert_eq!(res.status(), 200);
        plain(&res.text().await.unwrap())
    }

    /// Files a report and returns (reference, receipt) read from the page.
    pub async fn file_report(&self, form: ReportForm) -> (String, String) {
        let res = self.submit_report(form).await;
        assert_eq!(res.status(), 303, "report accepted");
        let page = self.get_text("/report/receipt").await;
        (
            element_text(&page, "case-reference").unwrap(),
            element_text(&page, "receipt").unwrap(),
        )
    }

    /// Creates a staff account directly, enrolled in two-factor sign-in
    /// with [`test_totp_secret`] (as every role must be by default);
    /// returns its email.
    pub fn create_user(&self, role: &str, org: Option<&str>) -> String {
        let email = self.create_user_without_totp(role, org);
        self.enrol_totp(&email);
        email
    }

    /// Creates a staff account directly, not enrolled in two-factor
    /// sign-in; returns its email.
    pub fn create_user_without_totp(&self, role: &str, org: Option<&str>) -> String {
        let email = format!("{role}-{}@example.org", random_suffix());
        let mut conn = self.db.connect();
        let org_id = org.map(|name| {
            let name = &haven::domain::GroupName::parse(name).unwrap();
            match haven::db::organisations::find_by_key(&mut conn, &name.key()).unwrap() {
                Some(o) => o.id,
                None => {
                    haven::db::organisations::insert(
                        &mut conn,
                        name,
                        &["group@example.org".into()],
                        &[],
                    )
                    .unwrap()
                    .id
                }
            }
        });
        let (hash, seed) = haven::crypto::hash_split_blocking(PASSWORD);
        let user = haven::db::users::insert(
            &mut conn,
            &haven::db::users::NewUserRow {
                email: &email,
                password_hash: Some(&hash),
                role,
                organisation_id: org_id,
            },
        )
        .unwrap();
        // Its key pair, as setting its password through its link makes it;
        // then, as when a holder next signs in, whoever holds keys grants
        // them (through the app's pool, which signs the audit entries).
        let keyring = self.state.keyring.get();
        self.state
            .db
            .run_blocking(|conn| {
                haven::custody::accounts::enrol(conn, user.id, &seed)?;
                grant_as_holders(conn, &keyring)
            })
            .unwrap();
        email
    }

    /// Creates a staff account as made before keys were held by people:
    /// a plain Argon2id password hash and no key pair; returns its email.
    #[allow(dead_code)] // used by the tests of the move to people's keys
    pub fn create_legacy_user(&self, role: &str, org: Option<&str>) -> String {
        let email = format!("{role}-{}@example.org", random_suffix());
        let mut conn = self.db.connect();
        let org_id = org.map(|name| {
            let name = &haven::domain::GroupName::parse(name).unwrap();
            haven::db::organisations::find_by_key(&mut conn, &name.key())
                .unwrap()
                .expect("the group exists")
                .id
        });
        let hash = haven::crypto::hash_secret_blocking(PASSWORD);
        haven::db::users::insert(
            &mut conn,
            &haven::db::users::NewUserRow {
                email: &email,
                password_hash: Some(&hash),
                role,
                organisation_id: org_id,
            },
        )
        .unwrap();
        email
    }

    /// Signs in with `client` (fetching the form for its token), with a
    /// fresh one-time code when the account is enrolled.
    pub async fn login_with(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        let code = self.fresh_totp(email);
        self.login_full(client, email, password, &code).await
    }

    /// The current one-time code of an account enrolled by these helpers
    /// (empty for others). Each code is accepted once, so the account's
    /// last used step is reset first: tests sign in more often than every
    /// 30 seconds.
    pub fn fresh_totp(&self, email: &str) -> String {
        let mut conn = self.db.connect();
        let email = email.trim().to_lowercase();
        let Ok(Some(user)) = haven::db::users::find_by_email(&mut conn, &email) else {
            return String::new();
        };
        if !user.totp_enabled {
            return String::new();
        }
        diesel::sql_query("UPDATE users SET totp_last_step = 0 WHERE id = $1")
            .bind::<diesel::sql_types::BigInt, _>(user.id)
            .execute(&mut conn)
            .unwrap();
        totp_now(&test_totp_secret())
    }

    /// Signs in with a one-time code as well.
    pub async fn login_full(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
        code: &str,
    ) -> reqwest::Response {
        post_with_token_of(
            self,
            client,
            "/staff/login",
            "/staff/login",
            &[
                ("email", email),
                ("password", password),
                ("totp", code),
                ("next", ""),
            ],
        )
        .await
    }

    /// Gives user `email` an enrolled TOTP secret; returns the secret.
    pub fn enrol_totp(&self, email: &str) -> Vec<u8> {
        let secret = test_totp_secret();
        let mut conn = self.db.connect();
        let user = haven::db::users::find_by_email(&mut conn, email)
            .unwrap()
            .unwrap();
        let (key_id, sealed) = self
            .state
            .keyring
            .seal_system(&haven::crypto::Aad::totp_secret(user.id), &secret);
        haven::db::users::set_pending_totp(&mut conn, user.id, &key_id, &sealed).unwrap();
        haven::db::users::enable_totp(&mut conn, user.id).unwrap();
        secret
    }

    /// Signs in an admin with the app's client.
    pub async fn login_as_admin(&self) -> String {
        let client = self.client.clone();
        self.login_as_admin_with(&client).await
    }

    /// Signs in an admin (enrolled in TOTP, as admins must be).
    pub async fn login_as_admin_with(&self, client: &reqwest::Client) -> String {
        let email = self.create_user("admin", None);
        let res = self.login_with(client, &email, PASSWORD).await;
        assert_eq!(res.status(), 303, "admin signed in");
        email
    }

    /// Creates an active partner group serving no community yet; its id.
    pub fn insert_group(&self, name: &str, emails: &[&str]) -> i64 {
        let emails: Vec<String> = emails.iter().map(|e| e.to_string()).collect();
        haven::db::organisations::insert(
            &mut self.db.connect(),
            &haven::domain::GroupName::parse(name).unwrap(),
            &emails,
            &[],
        )
        .unwrap()
        .id
    }

    /// Posts a staff form with the signed-in client's session token.
    pub async fn post_staff(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        post_as(self, &self.client, path, fields).await
    }

    /// Refers case `reference` to the group `group` with `summary`, as the
    /// app's signed-in client; the response.
    pub async fn refer(&self, reference: &str, group: i64, summary: &str) -> reqwest::Response {
        self.post_staff(
            &format!("/staff/cases/{reference}/referrals"),
            &[
                ("group", &group.to_string()),
                (&format!("summary_{group}"), summary),
            ],
        )
        .await
    }

    /// Signs `client` out (with its session's token).
    pub async fn sign_out(&self, client: &reqwest::Client) -> reqwest::Response {
        post_as(self, client, "/staff/logout", &[]).await
    }

    /// The CSRF token of the signed-in session of the app's client.
    pub async fn staff_csrf(&self) -> String {
        csrf_token(&self.get_text("/staff/account").await)
    }

    pub fn user_id(&self, email: &str) -> i64 {
        let mut conn = self.db.connect();
        haven::db::users::find_by_email(&mut conn, email)
            .unwrap()
            .unwrap()
            .id
    }

    /// Runs one round of the mail worker against the configured transport.
    pub fn deliver_mail(&self) -> usize {
        let transport = haven::mail::transport::Transport::from_config(&self.state.config).unwrap();
        haven::mail::worker::deliver_due(&self.state, &transport).unwrap()
    }

    /// Runs one round of the mail worker as if the clock said `at` (how the
    /// tests reach a notification slot without waiting for it).
    pub fn deliver_mail_at(&self, at: chrono::DateTime<chrono::Utc>) -> usize {
        let transport = haven::mail::transport::Transport::from_config(&self.state.config).unwrap();
        haven::mail::worker::deliver_due_at(&self.state, &transport, at).unwrap()
    }

    /// Delivers what waits for the coming slots (urgent and digest alike).
    pub fn deliver_mail_after_slots(&self) -> usize {
        self.deliver_mail_at(chrono::Utc::now() + chrono::Duration::days(2))
    }

    /// The `.eml` files written to the mail folder, as text.
    pub fn mail_files(&self) -> Vec<String> {
        let dir = &self.state.config.mail_dir;
        let mut out = Vec::new();
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                out.push(decode_qp(
                    &std::fs::read_to_string(e.path()).unwrap_or_default(),
                ));
            }
        }
        out
    }

    pub async fn login(&self, email: &str) -> reqwest::Response {
        self.login_with(&self.client, email, PASSWORD).await
    }

    /// Signs in a new user of `role` with the app's client.
    pub async fn login_as(&self, role: &str) -> String {
        let org = (role == "liaison").then_some("Group A");
        let email = self.create_user(role, org);
        let res = self.login(&email).await;
        assert_eq!(res.status(), 303, "signed in");
        email
    }

    pub fn count(&self, table: &str) -> i64 {
        let mut conn = self.db.connect();
        diesel::dsl::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
            "(SELECT count(*) FROM {table})"
        )))
        .get_result(&mut conn)
        .unwrap()
    }

    /// A plain-SQL dump of the whole database, as an attacker with a backup
    /// would have it.
    pub fn pg_dump(&self) -> String {
        let out = std::process::Command::new("pg_dump")
            .arg("--data-only")
            .arg(&self.db.url)
            .output()
            .expect("pg_dump is installed (the test script puts it on PATH)");
        assert!(
            out.status.success(),
            "pg_dump failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

/// Whether a dump contains `text` in clear, as text or as bytea hex.
pub fn dump_reveals(dump: &str, text: &str) -> bool {
    let hex: String = text.as_bytes().iter().map(|b| format!("{b:02x}")).collect();
    dump.contains(text) || dump.to_lowercase().contains(&hex)
}
