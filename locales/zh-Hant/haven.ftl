# REVIEW STATUS: NOT yet reviewed by a native speaker.
# English: machine-assisted translation; it has NOT yet been reviewed by a native speaker
# and must be reviewed before production use.
# 中文：本譯文為機器輔助翻譯，尚未經以中文為母語的人士審校，正式使用前必須審校。
#
# Haven — 繁體中文（香港用語）。參照檔案為 locales/en/haven.ftl：本檔案的訊息鍵與其完全相同，次序一致。

site-name = Haven
staff-site-name = Haven · 職員
skip-to-content = 跳至主要內容
quick-exit = 快速離開
nav-languages = 語言
nav-public = 主選單
nav-report = 提交報告
nav-follow-up = 跟進報告
nav-staff = 職員
nav-cases = 個案
nav-account = 帳戶
nav-stats = 統計數字
nav-users = 職員帳戶
nav-groups = 接收方
nav-outbox = 寄件匣
nav-audit = 審計記錄
nav-referrals = 轉介
nav-sign-out = 登出
footer-emergency = 如果您正面對即時危險，請致電 911。
footer-privacy = Haven 不會記錄您的 IP 地址、您的瀏覽器，亦不會記錄您到訪的確實時間。
yes = 是
no = 否
required = 必填
choose-none = — 未有說明 —
error-prefix = 錯誤：

## Landing page
home-title = 安全地報告外國政府的滋擾
home-lead = 如果您身在加拿大，而有人代表外國政府威脅、跟蹤、施壓或滋擾您或您的家人，您可以在這裏告訴我們。您毋須提供姓名。
home-start-report = 提交報告
home-follow-up = 跟進報告
danger-call-911 = 如果您正面對即時危險，請先致電 911。
safety-title = 開始之前
safety-device = 請使用您信任的裝置和網絡。如果有人可能會檢查您的手機或電腦，請使用瀏覽器的私密（無痕）視窗，並在完成後關閉。
safety-tor = Haven 可以在 Tor Browser 中使用，即使是最安全的設定、不啟用 JavaScript 亦可。
safety-anonymous = 您可以在不提供姓名、亦不留下任何聯絡方法的情況下提交報告。
safety-quick-exit = 每個頁面頂部都有「快速離開」按鈕，按下後會立即離開本網站。
safety-receipt = 提交報告後，您會獲得一個個案編號和一個秘密憑證。請把它們記在安全的地方：憑着它們，您可以回來查看回覆及補充資料。
what-happens-title = 接下來會怎樣
what-happens-1 = 個案工作員通常會在兩個工作天內閱讀您的報告。緊急報告會優先閱讀。
what-happens-2 = 如您同意，他們可以為您聯繫能夠提供協助的社區團體。
what-happens-3 = 除非您同意，否則我們不會向警方或任何其他人透露任何內容。

## Report form
report-title = 提交報告
report-intro = 請用您自己的說話告訴我們發生了甚麼事。只有第一條問題必須回答；其他問題請盡量回答。
report-required-note = 您的答覆一送達我們，便會即時加密。
report-errors-title = 請檢查您的報告
report-files-again = 為了您的安全，表格重新顯示時不會保留已附加的檔案：請重新附加。
report-submit = 送出我的報告
field-narrative = 發生了甚麼事？
field-narrative-hint = 請描述發生了甚麼事、在甚麼時間和地點，以及對您造成了甚麼影響。可以用任何語言填寫。
field-kinds = 這是甚麼類型的事件？（可選多項）
field-reporter-role = 您在這份報告中的身份是？
field-occurred-on = 事情在甚麼時候發生？
field-occurred-on-hint = 請填寫日期（2026-05-14）；如果不記得是哪一天，可以填寫月份（2026-05）。
field-where = 事情在哪裏發生？
field-where-hint = 只需填寫城市和省份，不要填寫街道地址。
field-city = 城市
field-province = 省或地區
field-community = 這涉及哪個社群？
field-channels = 對方透過甚麼途徑接觸您？（可選多項）
field-state-link = 您認為背後是誰？
field-demands = 他們想您做甚麼？（可選多項）
field-involved = 涉及哪些人？（選填）
field-involved-hint = 如果您知道，而且說出來是安全的，請填寫姓名、機構名稱或描述。
field-identifiers = 他們使用的電話號碼、帳號或名字（選填）
field-identifiers-hint = 例如電話號碼、微信或 Telegram 帳號、電子郵箱、車牌號。每行一個。這有助於我們發現是否是同一批人騷擾了其他人。
field-family-affected = 我在原居國的家人受到影響
field-prior-reports = 您是否已經向警方、加拿大皇家騎警（RCMP）或加拿大安全情報局（CSIS）報告此事？（選填）
field-prior-reports-hint = 如有，請寫明向誰報告，以及任何事件編號或檔案編號。
field-immediate-danger = 我正面對即時危險
field-immediate-danger-hint = 請先致電 911。勾選此項會將您的報告標示為緊急。
field-support = 哪些支援對您有幫助？（可選多項）
field-evidence = 證據（選填）
field-evidence-hint = 螢幕截圖、相片、文件、錄音或影片：最多 10 個檔案，每個不超過 10 MB，合共不超過 25 MB。Haven 會刪除 JPEG, PNG 和 WebP 相片中的位置資料和相機資料；至於其他檔案（例如 HEIC 相片或影片），如可以，請自行刪除這些資料。
field-contact-method = 我們可以怎樣聯絡您？
field-contact-hint = 只在您希望我們聯絡您時填寫。選擇「不要聯絡我」即可保持匿名。
field-contact-value = 您的電郵地址、電話號碼或 Signal 用戶名稱
field-consents = 您允許我們做甚麼？
field-consents-hint = 除非您勾選，否則以下各項都不會生效。您日後可以改變主意。
field-consent-referral = 將我的個案轉介給能夠提供協助的合作社區團體
field-consent-police = 將我的報告提供給執法機關
field-consent-stats = 將我的報告（刪除任何可識別我身份的內容後）納入匿名統計
field-lang = 語言
field-csrf-token = 表格

kind-online-harassment = 網上滋擾、威脅或「起底」（公開個人資料）
kind-surveillance = 被跟蹤、監視或拍照
kind-family-threats = 在原居國的家人受到威脅或被拘押
kind-pressure-to-return = 被施壓要求回國
kind-pressure-to-inform = 被施壓要求提供他人資料或監視他人
kind-event-intimidation = 在活動、示威現場或校園內受到恐嚇
kind-hacking = 黑客入侵、網絡釣魚或裝置被入侵
kind-smear-campaign = 抹黑、冒充身份或散播虛假資訊
kind-proxy-contact = 被非官方「警察站」或其他國家代理人聯絡
kind-legal-abuse = 濫用法律或領事程序（INTERPOL 國際刑警組織通報、引渡請求、拒絕簽發護照或拒絕提供領事服務）
kind-assault = 人身襲擊或企圖綁架
kind-other = 其他情況

role-targeted = 我本人是被針對的人
role-witness = 我目睹其他人遭遇此事
role-on-behalf = 我代表他人報告

channel-in-person = 當面
channel-phone = 電話
channel-wechat = 微信（WeChat）
channel-whatsapp = WhatsApp
channel-other-messaging = 其他即時通訊應用程式
channel-email = 電郵
channel-social-media = 社交媒體

state-link-embassy = 大使館或領事館
state-link-police = 警察或安全部門
state-link-proxy = 代表該國政府行事的組織
state-link-unknown = 我不知道

demand-stop-activism = 停止參與社會運動或公開發聲
demand-return = 返回原居國
demand-inform = 提供他人的資料
demand-other = 其他

support-safety-planning = 安全計劃
support-legal = 法律協助
support-immigration = 移民方面的協助
support-digital-security = 數碼安全
support-mental-health = 精神健康支援
support-community-contact = 與我所屬的社群聯繫

contact-none = 不要聯絡我
contact-email = 電郵
contact-phone = 電話
contact-signal = Signal

community-uyghur = 維吾爾人
community-tibetan = 藏人
community-hong-kong = 香港人
community-chinese = 中國人（包括異見人士及人權捍衛者）
community-falun-gong = 法輪功
community-southern-mongolian = 南蒙古人
community-taiwanese = 台灣人
community-other = 其他社群

province-ab = 亞伯達省
province-bc = 卑詩省
province-mb = 緬尼托巴省
province-nb = 紐賓士域省
province-nl = 紐芬蘭與拉布拉多省
province-ns = 新斯科舍省
province-nt = 西北地區
province-nu = 努納武特地區
province-on = 安大略省
province-pe = 愛德華王子島省
province-qc = 魁北克省
province-sk = 薩斯喀徹溫省
province-yt = 育空地區

error-narrative-required = 請告訴我們發生了甚麼事。
error-invalid-choice = 這個選擇不在選項之中：請重新選擇。
error-too-long = 這個答覆太長：請縮短。
error-occurred-on-invalid = 日期請寫成 2026-05-14 的格式，月份請寫成 2026-05 的格式，而且不可以是將來的時間。
error-contact-value-required = 請填寫聯絡您的方法，或選擇「不要聯絡我」。
error-contact-value-invalid = 就您選擇的聯絡方法而言，這看來不是有效的電郵地址、電話號碼或 Signal 用戶名稱。
error-evidence-type = 其中一個檔案的類型不獲接受（我們接受圖片、PDF、純文字、錄音或影片）。請只附加這些類型的檔案。
error-form-expired = 此表格已過期，因此沒有送出任何內容。您的答覆仍然保留在這裏：請檢查後再次送出。
error-form-used = 此表格已經送出過，因此沒有再次送出。如果您想提交另一份報告，請在這裏檢查您的答覆後送出。
error-control-characters = 其中含有看不見的控制字元，無法接受。請檢查文字後再次送出。
error-display-name-long = 顯示名稱最多 100 個字元。請縮短後重新儲存。
error-display-name-control = 顯示名稱包含無法接受的不可見控制字元。請重新輸入後儲存。
error-checkbox-value = 這個核取方塊送出的值不是「已勾選」。請重新勾選，或者留空。
error-repeated-field = 這個答覆被送出了不止一次。請檢查後再次送出表格。
error-evidence-name = 某個檔案名稱含有看不見的控制字元。請重新命名該檔案後再次附加。

## Receipt
receipt-title = 我們已收到您的報告
receipt-stored = 您的報告已加密並安全儲存。個案工作員會閱讀它。
receipt-reference-label = 個案編號
receipt-receipt-label = 秘密憑證
receipt-stripped = { $count ->
    [one] 在儲存之前，我們已刪除 { $count } 張相片中的位置資料和相機資料。
   *[other] 在儲存之前，我們已刪除 { $count } 張相片中的位置資料和相機資料。
}
receipt-write-down = 請現在就記下個案編號和憑證，並存放在安全的地方。
receipt-shown-once = 我們不會保存憑證，亦無法再次向您顯示。憑着兩者，您可以回來查看回覆、補充資料，或要求我們刪除您的報告。
receipt-keep-safe = 任何持有您憑證的人都可以查看您的個案：請勿與任何人分享。
receipt-done = 我已經記下了
receipt-gone-title = 此憑證已不再顯示
receipt-gone-body = 為了您的安全，憑證只會在您提交報告後的短時間內、在您所用的瀏覽器中顯示。如果您沒有記下，可以提交一份新的報告，並在其中提及之前的那一份。

## Error pages
error-code = 錯誤 { $code }
error-home = 返回主頁
error-400-title = 此要求有問題
error-400-body = 頁面無法理解所送出的內容。請返回上一頁，檢查您輸入的內容，然後再試。
error-403-title = 您無法開啟此頁面
error-403-body = 您的帳戶無權存取此頁面。如您認為應該有權存取，請聯絡管理員。
error-404-title = 找不到頁面
error-404-body = 此網址沒有任何內容。請檢查連結，或從主頁重新開始。
error-405-title = 此地址不接受這種請求
error-405-body = 請使用 Haven 頁面上的連結和按鈕，或從首頁重新開始。
error-408-title = 耗時過長
error-408-body = 您送出的內容傳送時間過長，因此沒有儲存任何內容。請檢查您的網絡連線，然後再試；如網絡較慢，請減少附加的檔案，或附加較小的檔案。
error-413-title = 內容過大
error-413-body = 您送出的內容超出我們接受的上限（檔案：每個最多 10 MB，合共 25 MB，最多 10 個檔案）。沒有儲存任何內容。請返回上一頁，並送出較小或較少的檔案。
error-429-title = 嘗試次數過多
error-429-body = 請等候數分鐘後再試。
error-500-title = 我們這邊出現問題
error-500-body = 這並非由您造成。如果您當時正在送出報告，報告並未儲存：請在數分鐘後再試。
error-503-title = Haven 暫時無法使用
error-503-body = 我們無法連接數據庫，因此沒有儲存任何內容。請在一分鐘後再試：您的報告對我們很重要。
error-csrf-title = 此表格已過期
error-csrf-body = 為了您的安全，表格只在有限時間內、並只在本網站上有效。請返回上一頁，重新載入頁面，然後再次送出表格。

## Staff: sign-in
login-title = 職員登入
login-email = 電郵地址
login-password = 密碼
login-totp = 一次性驗證碼
login-totp-hint = 驗證器應用程式中的六位數驗證碼，或您的其中一個復原碼。
login-submit = 登入
login-failed = 電郵地址或密碼不正確，或帳戶未啟用。請再試一次。
login-signed-out = 您已登出。
login-password-set = 您的密碼已設定。您現在可以登入。
login-throttled = 登入失敗次數過多。請等候 { $minutes } 分鐘後再試。如您忘記了密碼，請向管理員索取重設連結。

## Staff: account
account-title = 您的帳戶
account-email = 電郵地址
account-role = 角色
account-organisation = 合作團體
account-session-idle = 如 { $minutes } 分鐘內沒有任何操作，系統會自動將您登出。
role-staff-admin = 管理員
role-staff-caseworker = 個案工作員
role-staff-liaison = 聯絡員

## Staff: queue and case
queue-title = 個案
queue-total = { $count ->
    [one] 共 { $count } 宗個案
   *[other] 共 { $count } 宗個案
}
queue-empty = 暫時未有個案。
queue-pages = 個案分頁
col-reference = 編號
col-received = 接收時間
col-status = 狀態
col-risk = 風險
col-kinds = 類型
col-community = 社群
col-province = 省份
source-phone = 電話
source-web = 網上表格
status-new = 新個案
status-triaged = 已初步評估
status-in-progress = 處理中
status-referred = 已轉介
status-closed = 已結案
risk-routine = 一般
risk-elevated = 較高
risk-urgent = 緊急
case-title = 個案 { $reference }
case-heading = 個案
case-immediate-danger = 報告人表示自己正面對即時危險。
case-source = 接收途徑
case-language = 表格語言
case-report = 報告
case-evidence = 證據
case-no-evidence = 沒有附加任何檔案。
case-evidence-warning = 檔案只會被下載，絕不會在瀏覽器中開啟。請在專門用於這項工作的裝置上開啟。
size-kib = { $kib } KiB
account-profile = 個人資料
account-display-name = 顯示名稱
account-language = 職員頁面及電郵的語言
account-language-hint = 發給您的電郵會以這種語言撰寫。
account-save = 儲存
account-done-profile = 您的個人資料已儲存。
account-duty = 當值
account-duty-on = 您正在當值：有緊急個案時，您會收到電郵通知。
account-duty-off = 您現時並非當值。
account-duty-start = 開始當值
account-duty-stop = 結束當值
account-done-duty = 您的當值狀態已更改。
account-totp = 雙重認證登入
account-totp-on = 已啟用
account-totp-off = 已停用
account-totp-manage = 管理

## Staff: queue filters and triage
queue-all = 全部（{ $count }）
queue-by-status = 按狀態劃分的個案
queue-filters = 篩選個案
queue-first-page = 第一頁
queue-next-page = 下一頁
col-assignee = 負責人
filter-any = 不限
filter-kind = 類型
filter-me = 我
filter-nobody = 未分派
filter-from = 接收日期由
filter-to = 接收日期至
filter-sort = 排序
filter-apply = 套用
filter-clear = 清除篩選條件
sort-newest = 最新的排先
sort-oldest = 最舊的排先
sort-risk = 最緊急的排先
case-triage = 初步評估
case-move-to = 將狀態改為
case-move = 更改
case-set-risk = 設定風險
case-assign = 分派
case-notes = 內部備註
case-notes-hint = 只有職員能看到備註；備註與報告一樣經過加密。
case-no-notes = 暫時未有備註。
case-new-note = 新備註
case-add-note = 加入備註
case-timeline = 時間線
case-done-status = 狀態已更改。
case-done-risk = 風險級別已更改。
case-done-assign = 分派已更改。
case-done-note = 備註已加入。
case-done-filed = 報告已登記。
case-done-message = 您的訊息已儲存。報告人帶同憑證回來查看時，便會看到這則訊息。
case-done-referred = 個案已轉介；系統已發出電郵，通知該團體有事項等候處理。
case-error-transition = 此個案無法由目前的狀態轉為該狀態。請在提供的狀態中選擇其一。
case-error-changed = 剛才有其他人更改了此個案。請查看下方的狀態，然後再試。
case-error-assignee = 個案只可分派給帳戶已啟用的個案工作員及管理員。
case-error-note-empty = 請先在備註中填寫內容，然後才加入。
case-error-note-long = 此備註太長：請分拆為數則備註。
case-error-note-control = 備註包含無法接受的不可見控制字元（例如 NUL 位元組）。請重新輸入後儲存。
timeline-system = 報告人或系統
timeline-filed = 報告已登記
timeline-status = 狀態已更改
timeline-risk = 風險已更改
timeline-assigned = 已分派給
timeline-unassigned = 已取消分派
timeline-note = 已加入備註
timeline-referred = 已轉介給
timeline-message-to = 發給報告人的訊息
timeline-message-from = 報告人發出的訊息
timeline-evidence-added = 報告人補充了證據
timeline-deletion-requested = 報告人要求刪除報告
timeline-deletion-cancelled = 報告人撤回了刪除要求
timeline-referral-accepted = 轉介已獲接納：
timeline-referral-declined = 轉介已被拒絕：
timeline-referral-update = 更新來自

## Staff: intake by phone
intake-phone-link = 透過電話接收報告
intake-title = 透過電話接收報告
intake-intro = 請按來電者的敘述輸入報告。只有「發生了甚麼事」是必填的。完成時，請向來電者讀出個案編號和憑證。
intake-submit = 登記報告
intake-done-title = 報告已登記
intake-done-read-out = 請現在就慢慢向來電者讀出個案編號和憑證，並請對方把兩者都記下。
intake-done-once = 憑證不會被儲存，亦不會再次顯示。
intake-open-case = 開啟個案

## Staff: statistics
stats-title = 統計數字
stats-intro = 以下數字只來自報告人同意納入匿名統計的報告。
stats-suppression = 少於 { $n } 的數字一律不會顯示，以免任何人被辨認出來；如被隱藏的數字可透過減法推算出來，其他數字亦會被隱藏，直至無法推算為止。
stats-total = 同意納入統計的報告共 { $count } 份
stats-total-small = 同意納入統計的報告少於 { $n } 份
stats-download = 下載 CSV 檔案
stats-by-kind = 按事件類型
stats-by-community = 按社群
stats-by-province = 按省或地區
stats-by-month = 按接收月份
stats-category = 類別
stats-count = 報告數目
stats-not-stated = 未有說明
stats-suppressed = 少於 { $n }
stats-empty = 暫時未有同意納入統計的報告。

## Staff: two-factor sign-in
totp-title = 雙重認證登入
totp-intro = 雙重認證登入會在您每次登入時，要求輸入手機應用程式產生的六位數字驗證碼，因此單憑被盜的密碼並不足以登入。
totp-start = 設定雙重認證登入
totp-step-app = 在您的手機上安裝驗證器應用程式（例如 FreeOTP、Aegis 或 Google Authenticator）。
totp-step-scan = 用該應用程式掃描此碼，或在應用程式中輸入下面的密鑰。
totp-qr-alt = 供驗證器應用程式掃描的 QR 碼
totp-manual = 手動輸入的密鑰：
totp-step-confirm = 輸入應用程式現時顯示的六位數字驗證碼
totp-confirm = 啟用雙重認證登入
totp-enabled = 雙重認證登入已啟用。
totp-current-code = 現時的六位數字驗證碼
totp-new-codes = 產生新的復原碼
totp-disable = 停用雙重認證登入
totp-done-off = 雙重認證登入已停用。
totp-codes-title = 您的復原碼
totp-codes-once = 每個復原碼都可讓您在沒有手機的情況下登入一次。請把它們抄下或列印出來，並妥善保管：它們只會在此刻顯示。
totp-codes-done = 我已儲存
totp-admin-required = 管理員必須使用雙重認證登入。請先完成設定才能繼續。
totp-required = 所有職員帳戶都必須使用雙重認證登入。請先完成設定才能繼續。
totp-error-code = 驗證碼不正確。請檢查手機上的時間，然後輸入現時顯示的驗證碼。
totp-error-admin = 管理員必須保持啟用雙重認證登入。
totp-error-required = 所有職員帳戶都必須使用雙重認證登入，因此無法停用。

## Staff: passwords
password-title = 設定您的密碼
password-rules = 請使用最少 15 個字元：幾個互不相關的字詞就能組成一個好密碼。可使用任何語言和任何字元。
password-new = 新密碼
password-confirm = 再次輸入相同的密碼
password-submit = 設定密碼
password-mismatch = 兩次輸入的密碼不相同。請重新輸入。
password-too-short = 此密碼太短：請使用最少 15 個字元。
password-too-long = 此密碼太長：最多只可使用 256 個字元。
password-too-common = 此密碼太常見或太簡單（它出現在已外洩密碼的清單中，或是在重複某種規律）。請另選一個。
password-link-gone = 此連結已被使用或已過期。請向管理員索取新連結。

## Staff: accounts (administrators)
admin-users-title = 職員帳戶
admin-state = 狀態
admin-active = 已啟用
admin-inactive = 已停用
admin-on-duty = 當值中
admin-no-password = 尚未設定密碼
admin-new-user = 新帳戶
admin-organisation-for-liaison = 合作團體（只適用於聯絡員）
admin-create = 建立帳戶
admin-actions = 操作
admin-deactivate = 停用（立即結束該帳戶的所有登入）
admin-reactivate = 重新啟用
admin-send-reset = 發送密碼重設連結
admin-change-role = 更改角色
admin-done-created = 帳戶已建立。設定密碼的連結已以電郵發送給帳戶持有人。
admin-done-reset = 新的密碼連結已以電郵發送；之前的連結已經失效。
admin-done-active = 帳戶狀態已更改。
admin-done-role = 角色已更改；該帳戶的所有登入已經結束。
admin-done-duty = 當值狀態已更改。
admin-link-explain = 如電郵無法使用，請透過安全的途徑把這條一次性連結交給帳戶持有人。連結將於 48 小時後失效。
admin-error-email = 請輸入有效的電郵地址。
admin-error-role = 請選擇角色。
admin-error-organisation = 聯絡員必須有合作團體，而只有聯絡員才有合作團體。請據此選擇。
admin-error-exists = 使用此電郵地址的帳戶已經存在。
admin-error-official-body = 這是官方機構，不是合作團體：官方機構沒有聯絡員。請選擇一個合作團體，或選擇其他角色。
admin-error-self = 您不能停用自己的帳戶，亦不能取消自己的管理員角色。

## Emails (never any report content)
mail-footer = 此訊息由 Haven 發出，不含任何個案詳情；請登入查看。
mail-urgent-case-subject = Haven 有一宗緊急個案正在等候處理
mail-urgent-case-body = 一宗標示為緊急的個案——可能涉及即時危險——正在等候個案工作員處理。
mail-urgent-case-link = 登入查看緊急個案
mail-welcome-subject = 您的 Haven 帳戶
mail-welcome-body = 我們已在 Haven 為您建立帳戶。請透過以下連結設定密碼；該連結只可使用一次，並將於 48 小時後失效。
mail-welcome-link = 設定您的密碼
mail-password-reset-subject = 重設您的 Haven 密碼
mail-password-reset-body = 管理員已向您發送設定新密碼的連結。該連結只可使用一次，並將於 48 小時後失效。如您沒有預期會收到此電郵，請通知您的管理員。
mail-password-reset-link = 設定新密碼

## Referrals
referral-heading = 轉介給合作團體
referral-intro = 請選擇一個或多個團體，並為每個團體寫下對方需要知道的內容。對方只會看到您在這裏寫的內容——絕不會看到報告、聯絡資料或證據。
referral-summary = 給此團體的摘要
referral-summary-hint = 只寫該團體提供協助所需的內容，而且只寫報告人會同意分享的內容。
referral-submit = 轉介個案
referral-no-consent = 報告人沒有同意轉介，因此此個案不可轉介。
referral-no-groups = 暫時沒有已啟用的合作團體。管理員可在「接收方」中加入。
referral-status-pending = 等候回覆
referral-status-accepted = 已接納
referral-status-declined = 已拒絕
referral-decline-reason = 提出的理由：
referral-error-consent = 報告人沒有同意轉介：Haven 不會轉介此個案。
referral-error-group = 請最少選擇一個已啟用的合作團體。
referral-error-summary = 請為您選擇的每個團體撰寫摘要（最多 10,000 個字元）。不能接受不可見的控制字元（例如 NUL 位元組）。
referral-error-already = 此個案已轉介給其中一個團體。
referral-error-decided = 此轉介已經回覆。
referral-error-not-accepted = 請先接納轉介，然後才發佈更新。
referral-error-text = 請填寫內容（最多 10,000 個字元）。不能接受不可見的控制字元（例如 NUL 位元組）。
referrals-title = 貴團體的轉介
referrals-intro = 每項轉介只包含個案工作員為貴團體撰寫的摘要。
referrals-empty = 暫時未有轉介。
referrals-received = 接收時間
referrals-updated = 最後更改
referral-title = 轉介
referral-summary-only = 這就是與貴團體分享的全部內容。
referral-decide = 您的回覆
referral-accept = 接納
referral-reason = 如您拒絕，請告訴個案工作員原因
referral-decline = 拒絕
referral-updates = 更新
referral-no-updates = 暫時未有更新。
referral-new-update = 給個案工作員的新更新
referral-update-hint = 系統會以電郵通知個案工作員有新的更新；更新內容本身只會保留在 Haven 內。
referral-post-update = 發佈更新
referral-done-accept = 您已接納此轉介，個案工作員已獲通知。
referral-done-decline = 您已拒絕此轉介，個案工作員已獲通知。
referral-done-update = 您的更新已發佈，個案工作員已獲通知。

## Recipients: partner groups and official bodies (administrators)
groups-title = 接收方
groups-intro = 只有在報告人同意後才能與之分享個案的對象：合作團體（其聯絡員會登入 Haven），以及官方機構（警方、國家安全、法律、其他），官方機構從不登入。沒有 age 公鑰的接收方只會收到個案已被分享的通知，絕不會收到個案內容。
groups-empty = 暫時未有接收方。
group-new = 新接收方
group-name = 名稱
group-emails = 電郵地址
group-emails-hint = 每行一個。Haven 只會以電郵告訴他們有事項等候處理或有內容已與其分享，絕不會告訴他們具體是甚麼。
group-communities = 服務的社群
group-language = 接收方電郵的語言
group-active = 已啟用（可接收轉介及分享的個案）
group-create = 建立接收方
group-liaisons = 聯絡員
group-no-liaisons = 暫時未有聯絡員帳戶。
group-add-liaison = 加入聯絡員（建立帳戶時選擇此團體）
group-done-created = 接收方已建立。
group-done-saved = 接收方已儲存。
group-error-name = 請為接收方填寫名稱（最多 200 個字元，不含控制字元或不可見字元）。
group-error-email = 請最少填寫一個電郵地址，每行一個，而每個都必須是有效地址。
group-error-community = 請從清單中選擇社群。
group-error-exists = 同名的合作團體或官方機構已經存在。請另選名稱，或從清單中開啟現有的那個。
recipient-kind = 類型
recipient-kind-hint = 合作團體有聯絡員，聯絡員會登入 Haven 並接收轉介。官方機構沒有聯絡員，亦從不登入。只有在報告人同意將個案提供給執法機關時，警方及國家安全機構才能收到個案；合作團體、法律機構及其他機構則需要報告人同意轉介。
recipient-kind-partner = 合作團體
recipient-kind-police = 警方
recipient-kind-national-security = 國家安全
recipient-kind-legal = 法律
recipient-kind-other = 其他官方機構
recipient-communities-hint = 只適用於合作團體：如屬官方機構，請不要勾選。
recipient-age-key = age 公鑰（可選）
recipient-age-key-hint = 接收方傳給您的公鑰：以 age1 開頭（age-keygen 會在「public key:」之後顯示）。絕不能是對方的私鑰。沒有公鑰時，接收方只會收到個案已被分享的通知，絕不會收到個案內容；如要這樣，請將此欄留空。
recipient-key = age 公鑰
recipient-key-none = 沒有公鑰：只有通知
recipient-official-no-liaisons = 官方機構沒有聯絡員，亦從不登入 Haven。系統只會以電郵告訴其地址有個案已與其分享，絕不會告訴個案內容。
recipient-error-kind = 請從清單中選擇類型。
recipient-error-communities = 只有合作團體才服務社群。請取消勾選社群，或將類型選為「合作團體」。
recipient-error-kind-change = 合作團體始終是合作團體，官方機構始終是官方機構。如需更改，請建立新的接收方。
recipient-error-secret-key = 這是私鑰（以 AGE-SECRET-KEY- 開頭）：它沒有被儲存，而且只能由接收方自己保管。請向對方索取以 age1 開頭的公鑰。如果對方以電郵或聊天程式把私鑰傳給了您，請對方重新產生一對金鑰。
recipient-error-age-key = 這不是 age 公鑰，因此沒有儲存任何內容。公鑰以 age1 開頭，共有 62 個字母及數字：請重新完整貼上。或將此欄留空：這樣接收方只會收到個案已被分享的通知。
recipient-done-key = 接收方已儲存，並使用新的 age 公鑰：今後與其分享的內容都會以這把公鑰加密。
recipient-done-key-removed = 接收方已儲存，而且沒有 age 公鑰：今後它只會收到個案已被分享的通知。

## Outbox (administrators)
outbox-title = 寄件匣
outbox-intro = Haven 發出的每封電郵都會經過這裏。發送失敗的訊息已嘗試多次，每次相隔的時間越來越長。
outbox-by-status = 按狀態劃分的訊息
outbox-pending = 等候發送
outbox-sent = 已發送
outbox-failed = 發送失敗
outbox-empty = 沒有訊息。
outbox-created = 建立時間
outbox-recipient = 收件人
outbox-kind = 訊息類型
outbox-attempts = 嘗試次數
outbox-last-error = 最近一次錯誤
outbox-next = 下次嘗試
outbox-retry = 再試一次
outbox-done-retry = 此訊息已重新排隊，稍後便會發出。
outbox-template-urgent-case = 緊急個案等候處理
outbox-template-welcome = 新帳戶
outbox-template-password-reset = 重設密碼
outbox-template-referral-waiting = 轉介等候處理
outbox-template-referral-answered = 轉介已獲回覆
outbox-template-referral-withdrawn = 轉介已撤回

## Referral emails (never any report content)
mail-referral-waiting-subject = Haven 有一項轉介正在等候 { $group } 處理
mail-referral-waiting-body = 一位個案工作員已將一宗個案轉介給 { $group }。請登入 Haven，閱讀對方為您撰寫的內容並作出回覆。
mail-referral-waiting-link = 登入查看您的轉介
mail-referral-answered-subject = { $group } 已在 Haven 回覆一項轉介
mail-referral-answered-body = { $group } 已回覆或更新您轉介的一宗個案。請登入查看。
mail-referral-answered-link = 登入查看您的個案
mail-waiting-subject = Haven 中可能有事項等待您處理
mail-waiting-body = Haven 在固定時間發送此郵件。可能有事項等待您處理——一則訊息、一個答覆或一項轉介。請登入查看。
mail-waiting-link = 登入 Haven

## Follow-up by receipt (reporters)
follow-up-title = 跟進您的報告
follow-up-intro = 請輸入您提交報告時獲得的個案編號和秘密憑證。您可以查看個案工作員給您的訊息，亦可以回覆、補充證據，或要求我們刪除您的報告。
follow-up-reference-hint = 例如 K7M3-Q9PX。大楷或細楷字母均可，有沒有連字號（-）亦可。
follow-up-receipt-hint = 共 20 個數字，有沒有空格均可。
follow-up-open = 開啟我的報告
follow-up-wrong = 個案編號或憑證不正確。請檢查兩者，然後再試。
follow-up-held = 以此個案編號或從此連線嘗試的次數過多。請等候幾秒後再試。
follow-up-left = 您已離開您的報告。如其他人亦會使用這部裝置，請關閉此視窗。
follow-up-expired = 為了您的安全，由於您有一段時間沒有任何操作，今次瀏覽已經結束。請重新輸入個案編號和憑證。
follow-up-case-title = 您的報告
follow-up-status = 您的報告進展如何
follow-up-received = 我們於 { $date } 收到您的報告。
reporter-status-new = 已收到。個案工作員很快便會閱讀。
reporter-status-triaged = 個案工作員已閱讀您的報告。
reporter-status-in-progress = 個案工作員正在處理您的個案。
reporter-status-referred = 經您同意，您的個案已轉介給能夠提供協助的社區團體。
reporter-status-closed = 您的個案已結案。如有新情況發生，您仍然可以送出訊息。
follow-up-messages = 訊息
follow-up-no-messages = 暫時未有訊息。個案工作員可能會在這裏給您留言；請稍後回來查看。
follow-up-from-you = 您
follow-up-from-caseworker = 個案工作員
follow-up-reply = 您的訊息
follow-up-send = 送出訊息
follow-up-evidence = 補充證據
follow-up-files = { $count ->
    [one] 我們已收到您隨報告提交的 { $count } 個檔案。
   *[other] 我們已收到您隨報告提交的 { $count } 個檔案。
}
follow-up-add-evidence = 送出檔案
follow-up-delete-title = 刪除您的報告
follow-up-delete-explain = 如您提出要求，您的報告、訊息和檔案將於 { $hours } 小時後永久刪除。在此之前，您可以在這裏改變主意。
follow-up-delete = 刪除我的報告
follow-up-deletion-pending-title = 您的報告將被刪除
follow-up-deletion-pending = 您的報告及所有相關內容將於 { $date } 永久刪除。如這並非您的本意，或是有人逼您這樣做，您可以保留報告。
follow-up-keep = 保留我的報告
follow-up-leave = 離開並清除今次瀏覽
follow-up-done-reply = 您的訊息已送出。
follow-up-done-evidence = 我們已收到您的檔案。
follow-up-done-deletion = 您的報告將被刪除。
follow-up-done-kept = 您的報告將會保留。
follow-up-error-message = 請先填寫訊息（最多 10,000 個字元）。
follow-up-error-no-file = 請最少選擇一個要送出的檔案。
follow-up-error-evidence-cap = 此個案的檔案已達上限（總共最多 30 個檔案、100 MB），因此沒有加入任何內容。您可以在訊息中描述其他證據。

## Staff: messages with the reporter, deletion requests
case-messages = 與報告人的訊息往來
case-messages-hint = Haven 從不主動聯絡報告人：報告人帶同憑證回來時，才會讀到您的訊息。
case-no-messages = 暫時未有訊息。
case-from-reporter = 報告人
case-new-message = 給報告人的訊息
case-send-message = 送出訊息
case-error-message = 請先填寫訊息（最多 10,000 個字元）。不能接受不可見的控制字元（例如 NUL 位元組）。
case-deletion-requested = 報告人已要求刪除這份報告。除非報告人撤回要求，否則報告將於 { $date } 永久刪除。
case-delete-now = 立即刪除
case-error-no-deletion = 報告人沒有要求刪除這份報告。

## Audit log (administrators)
audit-title = 審計記錄
audit-intro = 職員對個案、轉介、帳戶或設定的每一次查看和更改：誰、做了甚麼、何時。記錄無法更改或刪除，而且每項記錄都透過雜湊值與前一項相連，因此任何篡改都會顯露出來。
audit-total = { $count ->
    [one] 共 { $count } 項記錄
   *[other] 共 { $count } 項記錄
}
audit-filters = 篩選審計記錄
audit-actor = 操作人（電郵地址）
audit-action = 操作（或其開頭部分）
audit-target-type = 對象類型
audit-target-id = 對象 ID
audit-target = 對象
audit-detail = 詳情
audit-when = 時間
audit-empty = 沒有符合條件的記錄。
audit-verify = 檢查記錄鏈
audit-intact = 記錄鏈完整：共 { $count } 項記錄，每項都與其雜湊值相符，並正確銜接前一項。
audit-altered = 編號為 { $n } 的記錄在寫入後曾被改動。請將此數據庫視為已遭入侵，並通知負責安全事宜的人員。
audit-missing = 緊接在編號為 { $n } 的記錄之前的記錄已被刪除。請將此數據庫視為已遭入侵，並通知負責安全事宜的人員。
audit-checkpoint = 檢查點（可選）
audit-checkpoint-hint = 由「haven audit checkpoint」輸出、或在先前檢查後顯示於此處的一行。檢查時亦會確認截至該點的記錄是否遭刪除。
audit-checkpoint-invalid = 檢查點：這不是有效的檢查點。請貼上完整的一行：一個數字、一個冒號和 64 個十六進位字元。
audit-filter-invalid = { $field }不能包含控制字元（例如 NUL 位元組）。請刪除後重新篩選。
audit-head = 最新記錄的檢查點。請在 Haven 及其備份以外保存一份副本；日後據此檢查，即可發現記錄是否遭刪除：
audit-unkeyed = 全部 { $count } 條記錄都沒有以本伺服器的審計金鑰簽署：記錄鏈的簽署已被剝除，或此金鑰檔案並非簽署時所用的檔案。請將此數據庫視為已遭入侵，並通知負責安全事宜的人員。
audit-truncated = 檢查點所指、編號為 { $n } 的記錄已不存在：最新的記錄已遭刪除。請將此數據庫視為已遭入侵，並通知負責安全事宜的人員。
audit-diverged = 編號為 { $n } 的記錄與檢查點不再相符：截至該點的記錄已遭刪除或改寫，或該檢查點屬於另一個數據庫。請將此數據庫視為已遭入侵，並通知負責安全事宜的人員。

# People's keys (accounts)
recovery-title = 您的復原金鑰
recovery-what = 您的帳戶有自己的金鑰，用來開啟您有權閱讀的報告。這些金鑰由您的密碼鎖住。如果您哪天忘記了密碼，這把復原金鑰也能開啟它們。
recovery-shown-once = 它只會在此刻顯示：Haven 不保留任何副本，也無法再次顯示。
recovery-keep = 請把它列印出來或抄在紙上，存放在安全的地方，遠離這台電腦。不要把它存在這台電腦或手機上的檔案、電子郵件或照片裡。
recovery-without = 沒有它，忘記密碼就表示重設後會得到新的金鑰；在持有團隊金鑰的同事登入並重新授予您存取權之前，您將無法開啟報告。
recovery-replaced = 您的密碼是在沒有復原金鑰的情況下重設的，因此您的帳戶有了新的金鑰。您可以登入，但在持有團隊金鑰的同事登入並重新授予您存取權之前，您無法開啟報告。
recovery-print = 列印
recovery-continue = 我已妥善保存：繼續
password-recovery-key = 復原金鑰（如果您有）
password-recovery-key-with = 如果您有帳戶金鑰建立時給您的復原金鑰，請輸入：您的金鑰會保留，存取權不變。
password-recovery-key-without = 沒有它，您的帳戶會得到新的金鑰；在持有團隊金鑰的同事登入並重新授予您存取權之前，您將無法開啟報告。
password-recovery-key-wrong = 這把復原金鑰打不開此帳戶的金鑰，因此沒有做任何變更。請檢查（五個一組的字母和數字）後再試，或留空以取得新的金鑰。此連結仍然有效。
login-password-set-kept = 您的密碼已設定，金鑰已保留：您的存取權不變。您現在可以登入。
login-password-set-replaced = 您的密碼已設定，您的帳戶有了新的金鑰。登入後，在持有團隊金鑰的同事登入並重新授予您存取權之前，您無法開啟報告。
account-password = 密碼
account-password-current = 目前的密碼
account-password-change = 變更密碼
account-password-sessions = 變更後，您在其他所有地方都會登出；在這裡仍保持登入。
account-password-wrong = 目前的密碼不正確，因此沒有做任何變更。請重新輸入。
account-done-password = 您的密碼已變更，您已在其他所有地方登出。您的金鑰已保留。
keys-label = 金鑰
keys-state-holds = 已持有：可開啟其角色允許的內容
keys-state-waits-grant = 等待授予：持有團隊金鑰的同事會在下次登入時授予
keys-state-waits-sign-in = 等待首次登入：尚無金鑰
keys-admin-explain = 每個帳戶都用自己的金鑰開啟報告。新帳戶，或在沒有復原金鑰的情況下重設了密碼的帳戶，要等到持有金鑰的同事登入時才會被授予。
keys-escrowed = 在每位個案工作者和管理員都至少登入一次之前，團隊金鑰也由伺服器的主金鑰保管：在此之前，伺服器的副本加上其金鑰檔案就能開啟它。
error-keys-title = 無法開啟此帳戶的金鑰
error-keys-body = 您已登入，但報告及其中加密保存的內容仍對您關閉；清單仍可使用。如果您的密碼是在沒有復原金鑰的情況下重設的，持有金鑰的同事會在下次登入時把金鑰授予您；您也可以索取新的重設連結並使用您的復原金鑰。如果您認為有人改了您的密碼，請立即告知管理員。

# Linked cases
nav-links = 關聯案件
case-done-link-confirmed = 連結已確認。
case-done-link-dismissed = 連結已駁回：這兩個案件不再算作關聯。
case-done-link-none = 這兩個案件已不再共享任何標識：未記錄任何內容。下方頁面顯示目前的連結。
links-heading = 也出現在
links-none = 沒有其他案件提到本報告中的電話號碼、地址、帳號或車牌。
links-hint = 其他報告提到了相同的標識。這裡只顯示本報告自己的文字。確信是同一加害者後請確認連結；否則請駁回。
links-received = 收到於 { $date }
links-state-open = 未決定
links-state-confirmed = 已確認
links-state-dismissed = 已駁回
links-confirm = 確認與 { $reference } 的連結
links-dismiss = 駁回與 { $reference } 的連結
links-more = 此處未列出的案件：{ $n }。查看整個組。
links-see-group = 查看本案件所在的關聯案件組
links-unavailable = 關聯不可用：無法用您的金鑰打開關聯金鑰。案件其餘內容照常顯示。管理員可以檢查您的帳戶是否已獲授予個案團隊的金鑰。
links-capped = 本報告提及 { $n } 個電話號碼、地址、帳號或車牌。只有前 20 個用於關聯其他案件，以免有人藉提及大量標識的報告查出哪些案件提及它們。
identifier-phone = 電話號碼
identifier-email = 電子郵箱
identifier-wechat = 微信帳號
identifier-telegram = Telegram 帳號
identifier-signal = Signal 帳號
identifier-handle = 帳號或用戶名
identifier-plate = 車牌
link-groups-title = 關聯案件組
link-groups-intro = 提到相同電話號碼、地址、帳號或車牌的案件，直接或間接關聯；被個案工作者駁回的連結不計。先列最大的組，再列最近的。
link-groups-around = 案件 { $reference } 所在的組。
link-groups-all = 所有組
link-groups-count = 組數：{ $n }
link-groups-empty = 尚無關聯案件。
link-groups-cases = 案件數：{ $n }
link-groups-received = 收到於
link-groups-state = 決定
link-groups-confirmed = 已確認的連結：{ $n }
link-groups-unconfirmed = 尚無已確認的連結
link-groups-show-more = 顯示更多組

# 期限、動態，以及誰看過（報告人的查閱記錄）
date-day = { $year }年{ $month }月{ $day }日
follow-up-next-reply = 個案工作者將在 { $date } 之前在本頁回覆您。
follow-up-next-reply-late = 個案工作者本應在 { $date } 之前回覆您。很抱歉延誤了：您的報告安全無虞，正在等待個案工作者處理。請稍後再來查看。
follow-up-next-response = 個案工作者已回覆您。下一步——開始處理您的報告，或在您同意的情況下轉介給社區團體——預計在 { $date } 之前完成。
follow-up-next-response-late = 下一步原預計在 { $date } 之前完成。很抱歉延誤了；個案工作者會在本頁給您留言。
follow-up-next-working = 個案工作者正在處理您的報告。請回到本頁閱讀他們的留言。
follow-up-access-title = 誰打開過您的報告
follow-up-access-explain = 此列表只顯示打開您報告的人的角色（從不顯示姓名），以及報告被分享給了哪些社區團體，精確到日。任何持有您的編號和憑據的人也能看到此列表。
follow-up-access-none = 還沒有人打開過您的報告。
follow-up-access-opened-caseworker = 由一名個案工作者打開
follow-up-access-opened-admin = 由一名 Haven 管理員打開
follow-up-access-shared = 已分享給 { $group }
follow-up-access-accepted = { $group } 已接受
sort-attention = 最需要處理的排先
filter-linked = 只顯示與其他個案相關聯的個案
col-deadline = 下一個期限
col-activity = 報告人最近動態
deadline-reply-due = 回覆期限 { $date }
deadline-response-due = 處理期限 { $date }
deadline-reply-overdue = { $days ->
    [0] 回覆已逾期不到一天
   *[other] 回覆已逾期 { $days } 天
}
deadline-response-overdue = { $days ->
    [0] 處理已逾期不到一天
   *[other] 處理已逾期 { $days } 天
}
queue-unread = 報告人有新動態
workload-title = 各個案工作者的期限
workload-caseworker = 個案工作者
workload-due-soon = { $days } 天內到期
workload-overdue = 已逾期
workload-nobody = 未分配
workload-explain = 點擊姓名，按最需要處理的順序查看其個案。
case-deadlines = 期限
case-deadline-ack = 首次給報告人留言，期限 { $date }
case-deadline-response = 首次實質處理（處理中、已轉介或已結案），期限 { $date }
case-deadline-met = 已於 { $date } 完成
case-deadline-pending = 尚未完成
case-deadline-lapsed = 結案前未完成
case-deadline-overdue = { $days ->
    [0] 已逾期不到一天
   *[other] 已逾期 { $days } 天
}
case-unread = 自 { $date } 起報告人有新的回覆或證據。負責人（若無負責人則任何人）打開本案即視為已讀。
case-last-activity = 報告人最近一次回覆或提交證據：{ $date }
link-groups-page = 從第 { $n } 個案件起列出，最新的在前。
link-groups-previous = 上一頁案件
link-groups-next = 下一頁案件（還有 { $n } 個）

## Packets: a case shared beyond Haven
packet-heading = 分享資料包
packet-intro = 資料包載有報告、您選擇的證據檔案和您的隨附說明，並經過加密，只有其接收方才能開啟。資料包絕不會載有報告人的聯絡資料、憑證、訊息或內部備註。
packet-recipient = 接收方
packet-recipient-hint = 這裏只列出報告人已同意與其分享的接收方。沒有金鑰的接收方只會收到通知，告知有個案與其分享。
packet-choose = 選擇接收方
packet-notice-only = 沒有金鑰：只發出通知
packet-cover = 隨附說明
packet-cover-hint = 接收方應首先閱讀的內容：您為何分享此個案，以及您希望對方做甚麼。
packet-evidence = 要包括的證據檔案
packet-consent-online = 本案的一項同意是在報告人的跟進頁面上給予的，而不是在其報告中。任何持有回執的人都可以這樣做：分享之前，請在「訊息」中向報告人確認是其本人。
packet-never = 每個資料包都會記入審計記錄，而報告人的跟進頁面亦會顯示其個案已被分享，以及分享給誰。
packet-build = 製作資料包
packet-no-recipients = 暫時未設定任何接收方。管理員可在「接收方」中加入。
packet-no-consent = 報告人沒有同意與 Haven 中設定的任何接收方分享。
packet-files = { $count ->
   *[other] { $count } 個證據檔案
}
packet-open-page = 前往下載頁面
packet-status-ready = 可供下載
packet-status-downloaded = 已下載
packet-status-expired = 已過期，已刪除
packet-status-notice = 已發出通知，沒有金鑰
packet-error-recipient = 請從清單中選擇接收方。
packet-error-consent = 報告人沒有給予此接收方所需的同意，因此沒有分享任何內容。如報告人在其跟進頁面給予同意，屆時您便可製作資料包。
packet-error-referral = 合作團體透過轉介接收資料包。請先將個案轉介給該團體，然後才製作資料包。
packet-error-cover = 請填寫隨附說明：須為可閱讀的文字，最多 10,000 個字元，不含控制字元。
packet-error-file = 所選檔案中有一個不屬於此個案。請重新載入頁面，然後再選擇。
case-done-packet-group = 資料包已製作。系統已以電郵通知該團體的聯絡員資料包已準備好；他們其中一人可在 14 天內透過轉介下載一次。
case-done-packet-notice = 此接收方沒有金鑰，因此只發出了告知有個案與其分享的通知。個案的任何內容都沒有離開 Haven。
packet-title = 資料包
packet-back = 返回個案 { $reference }
packet-done-built = 給 { $recipient } 的資料包已製作，並已用其金鑰加密。請現在下載，然後發送給對方。
packet-built = 製作時間
packet-contents = 內容
packet-sha256 = 加密檔案的 SHA-256 值
packet-downloaded = 下載時間
packet-download-heading = 下載
packet-download-once = { $minutes ->
   *[other] 此資料包只可下載一次，並須在製作後 { $minutes } 分鐘內下載。之後 Haven 會刪除該檔案。
}
packet-until = 可供下載至 { $date }。
packet-download = 下載加密資料包
packet-for-group = 此資料包是給合作團體的：該團體的聯絡員會透過其轉介下載。
packet-open-heading = 接收方如何開啟
packet-open-deliver = 請透過您與接收方約定的渠道把檔案發送給對方。檔案已用對方的金鑰加密：其他任何人，包括 Haven，都無法開啟。
packet-open-hint = 接收方以自己的 age 私密金鑰開啟：
packet-open-check = 對方可以核實該檔案正是 Haven 製作的檔案，而且其中的內容沒有被改動：
packet-gone-title = 此資料包無法再次下載
packet-gone-body = 資料包只可在指定時間內下載一次。此資料包已被下載或已超過時限，Haven 已刪除該檔案。如接收方仍然需要，請從個案頁面製作新的資料包。
packet-gone-back = 返回
packet-group-heading = 給貴團體的資料包
packet-group-intro = Haven 的個案工作員以加密資料包的形式與貴團體分享了此個案，只有貴團體的 age 金鑰才能開啟。貴團體其中一人可下載一次；之後 Haven 會刪除該檔案。
packet-group-notice = { $date }：Haven 已通知貴團體此個案已與貴團體分享，但貴團體沒有金鑰，因此沒有製作資料包。請聯絡 Haven 的管理員，加入貴團體的 age 公開金鑰。
packet-group-built = 資料包製作於 { $date }
packet-group-until = 可供下載至 { $date }。
packet-doc-title = Haven：個案資料包
packet-doc-case = 個案
packet-doc-recipient = 接收方
packet-doc-confidential = 機密。經報告人同意而分享：未事先徵詢 Haven，請勿轉交他人。
packet-doc-report = 報告 { $reference }
packet-doc-intro = Haven 於 { $date } 收到。不包括報告人的聯絡資料。
packet-custody-title = 證據保管鏈
packet-custody-report = 報告收到時間
packet-custody-exported = 匯出時間
packet-added-by-reporter = 由報告人加入
packet-added-by-staff = 由個案工作員加入
mail-packet-ready-subject = Haven 已為 { $group } 準備好加密資料包
mail-packet-ready-body = Haven 的個案工作員已為 { $group } 準備了一個加密資料包。此電郵不含資料包的任何內容。合作團體的聯絡員會在 Haven 透過其轉介下載；官方機構則由個案工作員提供檔案。請用您的 age 金鑰開啟。
mail-packet-ready-link = 前往 Haven
mail-case-shared-subject = Haven 已與 { $group } 分享一宗個案
mail-case-shared-body = 經報告人同意，Haven 的個案工作員已與 { $group } 分享了一宗個案。Haven 沒有您的加密金鑰，因此沒有發出個案的任何內容：個案工作員會與您聯絡。如要接收加密資料包，請將您的 age 公開金鑰發送給 Haven。
mail-case-shared-link = 前往 Haven
mail-recipient-key-changed-subject = { $group } 的加密金鑰已在 Haven 中變更
mail-recipient-key-changed-body = 一位管理員設定、變更或移除了 Haven 用於為 { $group } 加密資料包的 age 金鑰。每位管理員都會收到此通知。如果這不在您的預料之中，請立即檢查該接收方的頁面和稽核日誌：用錯誤金鑰加密的資料包，任何持有該金鑰的人都能打開。
mail-recipient-key-changed-link = 檢查接收方
mail-admin-access-changed-subject = Haven 中的一個管理員帳戶已變更
mail-admin-access-changed-body = 一位管理員被停用，或某個帳戶獲得或失去了管理員角色。每位管理員以及相關帳戶都會收到此通知。如果這不在您的預料之中，請立即檢查帳戶頁面和稽核日誌。
mail-admin-access-changed-link = 檢查帳戶
packet-error-deletion = 報告人已要求刪除此個案，因此個案的任何內容都不會再離開 Haven。如報告人在跟進頁面上取消該要求，屆時你可以再製作資料包。
packet-group-accept-first = 接受轉介後即可下載資料包。

# 由報告人掌握的同意：每個接收方能看到甚麼、報告保存多久、跟進頁面上的同意和「已分享給」。
consent-sees-referral = 他們能看到甚麼：合作社區團體會看到個案工作員為其撰寫的摘要。只有當個案工作員選擇與其分享時，他們才會看到您的報告本身或您的檔案；只有當個案工作員把您的聯絡方式寫進摘要時，他們才會看到您的聯絡方式。該團體只會收到一封電子郵件，告知有事項在等候處理。其他能提供協助的人（例如律師）會收到一個只有他們才能打開的加密檔案，內含您的報告、個案工作員選定的檔案、個案工作員的說明、這些檔案的清單，以及您的報告和每個檔案到達 Haven 的時間——絕不包含您的聯絡方式。
consent-sees-police = 他們能看到甚麼：警方和國家安全機構（例如加拿大皇家騎警國家安全資訊網絡）會收到一個只有他們才能打開的加密檔案，內含您的報告、個案工作員選定的檔案、個案工作員撰寫的說明、這些檔案的清單，以及您的報告和每個檔案到達 Haven 的時間（精確到小時）。其中絕不包含您的聯絡方式。是否傳送由個案工作員決定；任何內容都不會自動傳送。
consent-sees-stats = 他們能看到甚麼：只有數字——按事件類型、社群、省份和月份統計的報告數量——供 Haven 工作人員查看並用於倡議工作。絕不包含您寫的內容、您的聯絡方式或您的檔案，而且小於 5 的數字一律不顯示。
field-retention = { $days ->
   *[other] 個案結案後，Haven 會將報告保存 { $days } 天，然後連同其訊息和檔案永久刪除。您可以在跟進頁面要求提早刪除。
}
consent-referral = 轉介給合作團體和其他能提供協助的人
consent-police = 提供給警方和國家安全機構
consent-stats = 匿名統計
case-consent-given-online = 由報告人在跟進頁面給予，{ $when }
timeline-consent-given = 報告人同意了：
timeline-consent-withdrawn = 報告人撤回了同意：
timeline-referral-withdrawn = 報告人在對方回覆前撤回了轉介：
referral-status-withdrawn = 已被報告人撤回
referral-withdrawn-explain = 提交此報告的人在貴團體回覆之前撤回了對轉介的同意。Haven 不再向貴團體顯示此個案的任何內容，您無需再做任何事。
referral-error-withdrawn = 報告人在此轉介得到回覆之前已將其撤回：它不能再被接受、拒絕或更新。
mail-referral-withdrawn-subject = Haven 中一項給 { $group } 的轉介已被撤回
mail-referral-withdrawn-body = 一項給 { $group } 且尚未回覆的轉介已被撤回：提交報告的人不再同意轉介。Haven 不再向您顯示這項轉介，您無需再做任何事。
mail-referral-withdrawn-link = 登入查看您的轉介
follow-up-shared-title = 已分享給
follow-up-shared-explain = Haven 以外有誰收到了關於您個案的內容，以及各自的進展。任何持有您的編號和憑據的人也能看到這些資訊。
follow-up-shared-none = 您的個案尚未分享給 Haven 以外的任何人。
follow-up-shared-pending = { $group }：轉介正在等候對方回覆
follow-up-shared-accepted = { $group }：已接受您的個案
follow-up-shared-declined = { $group }：無法承接您的個案
follow-up-shared-withdrawn = { $group }：應您的要求，在對方回覆前已撤回
follow-up-shared-on = 分享於 { $date }
follow-up-consents-title = 您允許我們做甚麼
follow-up-consents-explain = 每一項同意都保持您提交報告時的選擇，或您之後在這裏更改後的狀態。您可以隨時給予或撤回每一項；更改會立即生效。
follow-up-consent-given = 您已同意此項。
follow-up-consent-not-given = 您尚未同意此項。
follow-up-consent-changed-given = 於 { $date } 在本頁面給予。
follow-up-consent-changed-withdrawn = 於 { $date } 在本頁面撤回。
follow-up-consent-changed-several = 於 { $date } 在本頁面多次變更。
follow-up-consent-referral-withdraw-note = 如果您撤回此項同意，Haven 將不會把您的個案轉介給任何人。尚未被任何團體接受的轉介會立即撤回，這些團體只會得知有一項轉介被撤回——不會得知任何關於您或您報告的內容。已經接受的團體會保留其收到的摘要：如需請他們停止，請在本頁面的「訊息」中寫信給您的個案工作員。
follow-up-consent-withdraw-referral = 撤回我對轉介的同意
follow-up-consent-withdraw-police = 撤回我對提供給警方的同意
follow-up-consent-withdraw-stats = 撤回我對納入統計的同意
follow-up-consent-give-referral = 同意轉介
follow-up-consent-give-police = 同意提供給警方
follow-up-consent-give-stats = 同意納入統計
follow-up-done-referral-given = 您已同意轉介。個案工作員現在可以把您的個案轉介給合作社區團體或其他能提供協助的人；每一項轉介都會列在本頁面的「已分享給」下。
follow-up-done-referral-withdrawn = 您已撤回對轉介的同意。從現在起，Haven 不會把您的個案轉介給任何人。
follow-up-done-referral-withdrawn-pending = 尚未得到任何團體回覆的轉介已被撤回（見「已分享給」）。這些團體只得知有一項轉介被撤回——沒有任何關於您或您報告的內容。
follow-up-done-referral-withdrawn-accepted = 已經接受您個案的團體會保留其收到的摘要。如需請他們停止，請在本頁面的「訊息」中寫信給您的個案工作員。
follow-up-done-police-given = 您已同意提供給警方和國家安全機構。是否提供您的報告由個案工作員決定；任何內容都不會自動傳送。
follow-up-done-police-withdrawn = 您已撤回對提供給警方和國家安全機構的同意。從現在起，Haven 不會把您的報告提供給他們。
follow-up-done-stats-given = 您的報告現在已納入 Haven 的匿名統計。
follow-up-done-stats-withdrawn = 您的報告已不再納入 Haven 的匿名統計。
follow-up-consent-already-given = 您之前已給予此項同意，因此沒有任何更改。
follow-up-consent-already-withdrawn = 您之前沒有給予此項同意，因此沒有可撤回的內容，也沒有任何更改。
follow-up-error-consent = 無法理解這項更改，因此沒有任何更改。請使用「您允許我們做甚麼」下方的按鈕。
follow-up-shared-packet = { $group }：收到了您報告的加密副本，只有對方能開啟，其中不含您的聯絡資料
follow-up-shared-notice = { $group }：已獲告知您的個案與其分享，但不含任何個案內容
