// @generated automatically by Diesel CLI.

diesel::table! {
    audit_log (id) {
        id -> Int8,
        at -> Timestamptz,
        actor_id -> Nullable<Int8>,
        action -> Text,
        target_type -> Text,
        target_id -> Text,
        detail -> Text,
        prev_hash -> Bytea,
        hash -> Bytea,
        chain -> Int2,
    }
}

diesel::table! {
    case_access (id) {
        id -> Int8,
        case_id -> Int8,
        kind -> Text,
        role -> Nullable<Text>,
        organisation_id -> Nullable<Int8>,
        day -> Date,
    }
}

diesel::table! {
    case_events (id) {
        id -> Int8,
        case_id -> Int8,
        actor_id -> Nullable<Int8>,
        kind -> Text,
        detail -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    case_identifiers (case_id, digest) {
        case_id -> Int8,
        digest -> Bytea,
    }
}

diesel::table! {
    case_keys (case_id) {
        case_id -> Int8,
        master_key_id -> Text,
        team_key_id -> Int8,
        team_keys -> Bytea,
        receipt_key -> Nullable<Bytea>,
    }
}

diesel::table! {
    case_links (case_a, case_b) {
        case_a -> Int8,
        case_b -> Int8,
        decision -> Text,
        decided_by -> Nullable<Int8>,
        decided_at -> Timestamptz,
    }
}

diesel::table! {
    case_messages (id) {
        id -> Int8,
        case_id -> Int8,
        public_id -> Text,
        sender -> Text,
        author_id -> Nullable<Int8>,
        body -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    case_notes (id) {
        id -> Int8,
        case_id -> Int8,
        public_id -> Text,
        author_id -> Int8,
        body -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    case_status_counts (status) {
        status -> Text,
        n -> Int8,
    }
}

diesel::table! {
    cases (id) {
        id -> Int8,
        reference -> Text,
        receipt_hash -> Text,
        master_key_id -> Text,
        wrapped_key -> Nullable<Bytea>,
        content -> Bytea,
        source -> Text,
        status -> Text,
        risk -> Text,
        kinds -> Array<Nullable<Text>>,
        reporter_role -> Nullable<Text>,
        occurred_month -> Nullable<Date>,
        province -> Nullable<Text>,
        community -> Nullable<Text>,
        channels -> Array<Nullable<Text>>,
        state_link -> Nullable<Text>,
        demands -> Array<Nullable<Text>>,
        family_affected -> Bool,
        immediate_danger -> Bool,
        support -> Array<Nullable<Text>>,
        contact_method -> Text,
        consent_referral -> Bool,
        consent_police -> Bool,
        consent_stats -> Bool,
        language -> Text,
        received_at -> Timestamptz,
        assignee_id -> Nullable<Int8>,
        risk_rank -> Nullable<Int2>,
        deletion_due_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
        linked -> Bool,
        ack_due_at -> Nullable<Timestamptz>,
        response_due_at -> Nullable<Timestamptz>,
        acknowledged_at -> Nullable<Timestamptz>,
        responded_at -> Nullable<Timestamptz>,
        unread_since -> Nullable<Timestamptz>,
        last_activity_at -> Nullable<Timestamptz>,
        attention_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    evidence (id) {
        id -> Int8,
        case_id -> Int8,
        public_id -> Text,
        name -> Bytea,
        media_type -> Text,
        size_bytes -> Int4,
        content -> Bytea,
        added_by -> Text,
        received_at -> Timestamptz,
    }
}

diesel::table! {
    key_grants (shared_key_id, user_id) {
        shared_key_id -> Int8,
        user_id -> Int8,
        sealed -> Bytea,
        granted_by -> Nullable<Int8>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    link_keys (id) {
        id -> Int2,
        master_key_id -> Text,
        team_key_id -> Int8,
        sealed -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    link_pending (case_id) {
        case_id -> Int8,
    }
}

diesel::table! {
    login_throttles (key) {
        key -> Bytea,
        failures -> Int4,
        window_start -> Timestamptz,
        throttled_until -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    organisations (id) {
        id -> Int8,
        name -> Text,
        emails -> Array<Nullable<Text>>,
        communities -> Array<Nullable<Text>>,
        active -> Bool,
        created_at -> Timestamptz,
        language -> Text,
        name_key -> Text,
        kind -> Text,
        age_recipient -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Int8,
        message_id -> Text,
        recipient -> Text,
        template -> Text,
        language -> Text,
        params -> Jsonb,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        sent_at -> Nullable<Timestamptz>,
        secret_key_id -> Nullable<Text>,
        secret_params -> Nullable<Bytea>,
        slot_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    packets (id) {
        id -> Int8,
        public_id -> Text,
        case_id -> Int8,
        organisation_id -> Int8,
        referral_id -> Nullable<Int8>,
        built_by -> Nullable<Int8>,
        status -> Text,
        files -> Int4,
        sha256 -> Nullable<Text>,
        ciphertext -> Nullable<Bytea>,
        expires_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        downloaded_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    passkey_challenges (session_digest, purpose) {
        session_digest -> Bytea,
        purpose -> Text,
        state -> Jsonb,
        name -> Nullable<Text>,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    passkeys (id) {
        id -> Int8,
        user_id -> Int8,
        credential_id -> Bytea,
        name -> Text,
        credential -> Jsonb,
        sign_count -> Int8,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        suspended_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    password_links (token_digest) {
        token_digest -> Bytea,
        user_id -> Int8,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    receipt_views (token_digest) {
        token_digest -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Int8,
        user_id -> Int8,
        code_hash -> Text,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    referral_updates (id) {
        id -> Int8,
        referral_id -> Int8,
        author_id -> Nullable<Int8>,
        body -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    referrals (id) {
        id -> Int8,
        public_id -> Text,
        case_id -> Int8,
        organisation_id -> Int8,
        referred_by -> Nullable<Int8>,
        summary -> Bytea,
        status -> Text,
        decline_reason -> Nullable<Bytea>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        master_key_id -> Nullable<Text>,
        team_key_id -> Nullable<Int8>,
        team_key -> Nullable<Bytea>,
        group_key_id -> Nullable<Int8>,
        group_key -> Nullable<Bytea>,
    }
}

diesel::table! {
    report_draft_files (id) {
        id -> Int8,
        token_digest -> Bytea,
        label -> Text,
        size_bytes -> Int8,
        sealed_meta -> Bytea,
        sealed_bytes -> Bytea,
    }
}

diesel::table! {
    report_drafts (token_digest) {
        token_digest -> Bytea,
        expires_hour -> Timestamptz,
        sealed -> Bytea,
    }
}

diesel::table! {
    reporter_sessions (token_digest) {
        token_digest -> Bytea,
        case_id -> Int8,
        csrf_token -> Text,
        opened_hour -> Timestamptz,
        clock -> Bytea,
        sealed_key -> Nullable<Bytea>,
    }
}

diesel::table! {
    sessions (token_digest) {
        token_digest -> Bytea,
        user_id -> Int8,
        csrf_token -> Text,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
        sealed_key -> Nullable<Bytea>,
    }
}

diesel::table! {
    shared_keys (id) {
        id -> Int8,
        organisation_id -> Nullable<Int8>,
        public_key -> Bytea,
        escrow_key_id -> Nullable<Text>,
        escrow -> Nullable<Bytea>,
        created_at -> Timestamptz,
        retired_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    sign_in_steps (token_digest) {
        token_digest -> Bytea,
        user_id -> Int8,
        sealed_seed -> Bytea,
        charged -> Bool,
        challenge -> Nullable<Jsonb>,
        failures -> Int4,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    spent_form_tokens (token_digest) {
        token_digest -> Bytea,
        expires_on -> Date,
    }
}

diesel::table! {
    users (id) {
        id -> Int8,
        email -> Text,
        password_hash -> Nullable<Text>,
        role -> Text,
        organisation_id -> Nullable<Int8>,
        active -> Bool,
        created_at -> Timestamptz,
        display_name -> Text,
        language -> Text,
        on_duty -> Bool,
        totp_key_id -> Nullable<Text>,
        totp_secret -> Nullable<Bytea>,
        totp_enabled -> Bool,
        totp_last_step -> Int8,
        public_key -> Nullable<Bytea>,
        sealed_key -> Nullable<Bytea>,
        recovery_key -> Nullable<Bytea>,
        passkey_handle -> Nullable<Bytea>,
    }
}

diesel::joinable!(case_access -> cases (case_id));
diesel::joinable!(case_access -> organisations (organisation_id));
diesel::joinable!(case_events -> cases (case_id));
diesel::joinable!(case_events -> users (actor_id));
diesel::joinable!(case_identifiers -> cases (case_id));
diesel::joinable!(case_keys -> cases (case_id));
diesel::joinable!(case_keys -> shared_keys (team_key_id));
diesel::joinable!(case_links -> users (decided_by));
diesel::joinable!(case_messages -> cases (case_id));
diesel::joinable!(case_messages -> users (author_id));
diesel::joinable!(case_notes -> cases (case_id));
diesel::joinable!(case_notes -> users (author_id));
diesel::joinable!(cases -> users (assignee_id));
diesel::joinable!(evidence -> cases (case_id));
diesel::joinable!(key_grants -> shared_keys (shared_key_id));
diesel::joinable!(link_keys -> shared_keys (team_key_id));
diesel::joinable!(link_pending -> cases (case_id));
diesel::joinable!(packets -> cases (case_id));
diesel::joinable!(packets -> organisations (organisation_id));
diesel::joinable!(packets -> referrals (referral_id));
diesel::joinable!(packets -> users (built_by));
diesel::joinable!(passkey_challenges -> sessions (session_digest));
diesel::joinable!(passkeys -> users (user_id));
diesel::joinable!(password_links -> users (user_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(referral_updates -> referrals (referral_id));
diesel::joinable!(referral_updates -> users (author_id));
diesel::joinable!(referrals -> cases (case_id));
diesel::joinable!(referrals -> organisations (organisation_id));
diesel::joinable!(referrals -> users (referred_by));
diesel::joinable!(report_draft_files -> report_drafts (token_digest));
diesel::joinable!(reporter_sessions -> cases (case_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(shared_keys -> organisations (organisation_id));
diesel::joinable!(sign_in_steps -> users (user_id));
diesel::joinable!(users -> organisations (organisation_id));

diesel::allow_tables_to_appear_in_same_query!(
    audit_log,
    case_access,
    case_events,
    case_identifiers,
    case_keys,
    case_links,
    case_messages,
    case_notes,
    case_status_counts,
    cases,
    evidence,
    key_grants,
    link_keys,
    link_pending,
    login_throttles,
    organisations,
    outbox,
    packets,
    passkey_challenges,
    passkeys,
    password_links,
    receipt_views,
    recovery_codes,
    referral_updates,
    referrals,
    report_draft_files,
    report_drafts,
    reporter_sessions,
    sessions,
    shared_keys,
    sign_in_steps,
    spent_form_tokens,
    users,
);
