# Haven — English. The reference language: every other file has the same keys.

site-name = Haven
staff-site-name = Haven · staff
skip-to-content = Skip to content
quick-exit = Quick exit
nav-languages = Language
nav-public = Main
nav-report = Make a report
nav-follow-up = Follow up on a report
nav-staff = Staff
nav-cases = Cases
nav-account = Account
nav-stats = Statistics
nav-users = Staff accounts
nav-groups = Recipients
nav-outbox = Outbox
nav-audit = Audit log
nav-referrals = Referrals
nav-sign-out = Sign out
footer-emergency = In immediate danger? Call 911.
footer-privacy = Haven does not record your IP address, your browser or when exactly you visited.
yes = Yes
no = No
choose-none = — Not stated —
error-prefix = Error:

## Landing page
home-title = Report foreign state harassment, safely
home-lead = If you are in Canada and someone acting for a foreign government has threatened, followed, pressured or harassed you or your family, you can tell us here. You do not have to give your name.
home-start-report = Make a report
home-follow-up = Follow up on a report
danger-call-911 = If you are in immediate danger, call 911 first.
safety-title = Before you start
safety-device = Use a device and a network you trust. If someone may check your phone or computer, use a private window and close it when you are done.
safety-tor = Haven works in Tor Browser, even at its safest setting, and without JavaScript.
safety-anonymous = You can report without giving your name or any way to contact you.
safety-quick-exit = The “Quick exit” button at the top of every page leaves this site at once.
safety-receipt = After you report, you get a reference and a secret receipt. Write them down somewhere safe: with them you can come back to read replies and add information.
what-happens-title = What happens next
what-happens-1 = A caseworker reads your report, usually within two working days. Urgent reports are read first.
what-happens-2 = If you agree, they can put you in touch with a community group that can help.
what-happens-3 = Nothing is shared with Canadian police or anyone else unless you say so.

## Report form
report-title = Make a report
report-intro = Tell us what happened in your own words. Only the first question is required; answer the others if you can.
report-required-note = Your answers are encrypted as soon as they reach us.
report-errors-title = Please check your report
report-files-again = For your safety, attached files are not kept when the form is shown again: please attach them again.
report-submit = Send my report
field-narrative = What happened?
field-narrative-hint = Describe what happened, when and where, and how it affected you. Write in any language.
field-kinds = What kind of incident was it? (choose all that apply)
field-reporter-role = Who are you in this report?
field-occurred-on = When did it happen?
field-occurred-on-hint = A year, a month or a day, for example 2025, 2025-05 or 7/5/2025. When the year comes last, write the day first, then the month: 7/5/2025 is 7 May 2025.
field-where = Where did it happen?
field-where-hint = Only the city and province: no street address.
field-city = City
field-province = Province or territory
field-community = Which community does this concern?
field-channels = How did it reach you? (choose all that apply)
field-state-link = Who do you think is behind it?
field-demands = What did they want from you? (choose all that apply)
field-involved = Who was involved? (optional)
field-involved-hint = Names, organisations or descriptions, if you know them and it is safe to say.
field-identifiers = Phone numbers, accounts or names they used (optional)
field-identifiers-hint = For example a phone number, a WeChat or Telegram account, an email address, a licence plate. One a line. This helps us see whether the same people harassed others.
field-family-affected = My family in the country of origin was affected
field-prior-reports = Have you already reported this to Canadian police, the RCMP or CSIS? (optional)
field-prior-reports-hint = If so, to whom, and any occurrence or file number.
field-immediate-danger = I am in immediate danger
field-immediate-danger-hint = Call 911 first. Ticking this marks your report as urgent.
field-support = What support would help you? (choose all that apply)
field-evidence = Evidence (optional)
field-evidence-hint = Screenshots, photos, documents, audio or video: up to 10 files, 10 MB each, 25 MB in all. Haven removes location and camera data from JPEG, PNG and WebP photos; for other files (such as HEIC photos or videos), remove that data yourself if you can.
field-contact-method = How may we contact you?
field-contact-hint = Only if you want us to. Choose “Do not contact me” to stay anonymous.
field-contact-value = Your email address, phone number or Signal username
field-consents = What do you allow us to do?
field-consents-hint = Each of these is off unless you tick it. You can change your mind later.
field-consent-referral = Refer my case to a partner community group that can help
field-consent-police = Share my report with Canadian law enforcement
field-consent-stats = Include my report, without anything that identifies me, in anonymous statistics
field-lang = Language
field-csrf-token = Form

kind-online-harassment = Online harassment, threats or doxxing
kind-surveillance = Being followed, watched or photographed
kind-family-threats = Threats to or detention of family in the country of origin
kind-pressure-to-return = Pressure to return
kind-pressure-to-inform = Pressure to inform or spy on others
kind-event-intimidation = Intimidation at events, protests or on campus
kind-hacking = Hacking, phishing or device compromise
kind-smear-campaign = Smear, impersonation or disinformation campaign
kind-proxy-contact = Contact by a so-called “overseas police station” or another proxy of the foreign state
kind-legal-abuse = Abuse of legal or consular processes (INTERPOL notices, extradition requests, passport or consular services refused)
kind-assault = Physical assault or attempted abduction
kind-other = Something else

role-targeted = I was targeted
role-witness = I saw it happen to someone else
role-on-behalf = I am reporting on someone’s behalf

channel-in-person = In person
channel-phone = Phone call
channel-wechat = WeChat
channel-whatsapp = WhatsApp
channel-other-messaging = Other messaging app
channel-email = Email
channel-social-media = Social media

state-link-embassy = An embassy or consulate
state-link-police = Police or security services
state-link-proxy = An organisation acting for the state
state-link-unknown = I do not know

demand-stop-activism = Stop my activism or speaking out
demand-return = Return to the country of origin
demand-inform = Inform on others
demand-other = Something else

support-safety-planning = Safety planning
support-legal = Legal help
support-immigration = Immigration help
support-digital-security = Digital security
support-mental-health = Mental health support
support-community-contact = Contact with my community

contact-none = Do not contact me
contact-email = Email
contact-phone = Phone
contact-signal = Signal

community-uyghur = Uyghur
community-tibetan = Tibetan
community-hong-kong = Hong Kong
community-chinese = Chinese (including dissidents and human rights defenders)
community-falun-gong = Falun Gong
community-southern-mongolian = Southern Mongolian
community-taiwanese = Taiwanese
community-other = Another community

province-ab = Alberta
province-bc = British Columbia
province-mb = Manitoba
province-nb = New Brunswick
province-nl = Newfoundland and Labrador
province-ns = Nova Scotia
province-nt = Northwest Territories
province-nu = Nunavut
province-on = Ontario
province-pe = Prince Edward Island
province-qc = Quebec
province-sk = Saskatchewan
province-yt = Yukon

error-narrative-required = Please tell us what happened.
error-invalid-choice = This choice is not one of the options: please choose again.
error-too-long = This answer is too long: please shorten it.
error-occurred-on-invalid = This date could not be read. Write a year (2025), a month (2025-05) or a day (2025-05-07, or 7/5/2025 with the day first), from 1950 on and not in the future. If you are not sure, leave it empty and tick “I don’t remember exactly”.
error-contact-value-required = Write how to reach you, or choose “Do not contact me”.
error-contact-value-invalid = This does not look like a valid email address, phone number or Signal username for the method you chose.
error-evidence-type = One of the files is not a type we accept (images, PDF, plain text, audio or video). Please attach only those.
error-form-expired = This form had expired, so nothing was sent. Your answers are still here: please check them and send again.
error-form-used = This form was already sent, so it was not sent again. If you want to file another report, check your answers here and send them.
error-control-characters = This contains invisible control characters, which cannot be accepted. Please check the text and send it again.
error-display-name-long = A display name has at most 100 characters. Shorten it and save again.
error-display-name-control = The display name contains invisible control characters, which cannot be accepted. Type it again and save.
error-checkbox-value = This box was sent with a value other than ticked. Please tick it again, or leave it empty.
error-repeated-field = This answer was sent more than once. Please check it and send the form again.
error-evidence-name = A file name contains invisible control characters. Please rename the file and attach it again.

## Receipt
receipt-title = Your report was received
receipt-stored = Your report is stored safely and encrypted. A caseworker will read it.
receipt-reference-label = Case reference
receipt-receipt-label = Secret receipt
receipt-stripped = { $count ->
    [one] We removed location and camera data from one photo before storing it.
   *[other] We removed location and camera data from { $count } photos before storing them.
}
receipt-write-down = Write down the reference and the receipt now, and keep them somewhere safe.
receipt-shown-once = We do not keep the receipt and cannot show it to you again. With both, you can come back to read replies, add information or ask us to delete your report.
receipt-keep-safe = Anyone who has your receipt can read your case: do not share it.
receipt-done = I have written them down
receipt-gone-title = This receipt is no longer shown
receipt-gone-body = For your safety, a receipt is shown only for a short time after you report, in the browser you used. If you did not write it down, you can make a new report and mention the earlier one.

## Error pages
error-code = Error { $code }
error-home = Go to the start page
error-400-title = Something in this request was not right
error-400-body = The page could not understand what was sent. Go back, check what you entered and try again.
error-403-title = You cannot open this page
error-403-body = Your account does not give access to this page. If you think it should, ask an administrator.
error-404-title = Page not found
error-404-body = There is nothing at this address. Check the link, or start again from the start page.
error-405-title = This address does not take that kind of request
error-405-body = Use the links and buttons on Haven’s pages, or start again from the start page.
error-408-title = This took too long
error-408-body = What you were sending took too long to arrive, so nothing was stored. Check your connection and try again; if it is slow, attach fewer or smaller files.
error-413-title = Too large
error-413-body = What you sent is larger than we accept (files: up to 10 MB each, 25 MB in all, 10 files). Nothing was stored. Go back and send smaller or fewer files.
error-429-title = Too many attempts
error-429-body = Please wait a few minutes before you try again.
error-500-title = Something went wrong on our side
error-500-body = Nothing you did caused this. If you were sending a report, it was not stored: please try again in a few minutes.
error-503-title = Haven is briefly unavailable
error-503-body = We could not reach our database, so nothing was stored. Please try again in a minute: your report matters to us.
error-csrf-title = This form has expired
error-csrf-body = For your safety, forms are valid for a limited time and only on this site. Go back, reload the page and send the form again.

## Staff: sign-in
login-title = Staff sign-in
login-email = Email address
login-password = Password
login-totp = One-time code (optional)
login-totp-hint = Leave this empty to be asked for your passkey or code next. Or type the six-digit code from your authenticator app, or one of your recovery codes.
login-submit = Sign in
login-failed = The email address or password is not right, or the account is not active. Try again.
login-signed-out = You have signed out.
login-password-set = Your password is set. You can sign in now.
login-throttled = { $minutes ->
    [one] Too many failed sign-ins. Wait 1 minute, then try again. If you have forgotten your password, ask an administrator for a reset link.
   *[other] Too many failed sign-ins. Wait { $minutes } minutes, then try again. If you have forgotten your password, ask an administrator for a reset link.
}

## Staff: account
account-title = Your account
account-email = Email address
account-role = Role
account-organisation = Partner group
account-session-idle = { $minutes ->
    [one] You are signed out after 1 minute without activity.
   *[other] You are signed out after { $minutes } minutes without activity.
}
role-staff-admin = Administrator
role-staff-caseworker = Caseworker
role-staff-liaison = Liaison

## Staff: queue and case
queue-title = Cases
queue-total = { $count ->
    [one] One case in all
   *[other] { $count } cases in all
}
queue-empty = There are no cases yet.
queue-pages = Pages of cases
col-reference = Reference
col-received = Received
col-status = Status
col-risk = Risk
col-kinds = Kinds
col-community = Community
col-province = Province
source-phone = By phone
source-web = Online form
status-new = New
status-triaged = Triaged
status-in-progress = In progress
status-referred = Referred
status-closed = Closed
risk-routine = Routine
risk-elevated = Elevated
risk-urgent = Urgent
case-title = Case { $reference }
case-heading = Case
case-immediate-danger = The reporter said they are in immediate danger.
case-source = Received by
case-language = Language of the form
case-report = Report
case-evidence = Evidence
case-no-evidence = No files were attached.
case-evidence-warning = Files are downloaded, never opened in the browser. Open them on a device kept for this work.
size-kib = { $kib } KiB
account-profile = Profile
account-display-name = Display name
account-language = Language of staff pages and emails
account-language-hint = Emails to you are written in this language.
account-save = Save
account-done-profile = Your profile is saved.
account-duty = On duty
account-duty-on = You are on duty: you are emailed when an urgent case arrives.
account-duty-off = You are not on duty.
account-duty-start = Go on duty
account-duty-stop = Go off duty
account-done-duty = Your duty status is changed.
account-totp = Two-factor sign-in
account-totp-on = On
account-totp-off = Off
account-totp-manage = manage

## Staff: queue filters and triage
queue-all = All ({ $count })
queue-by-status = Cases by status
queue-filters = Filter the cases
queue-first-page = First page
queue-next-page = Next page
col-assignee = Assigned to
filter-any = Any
filter-kind = Kind
filter-me = Me
filter-nobody = Nobody
filter-from = Received from
filter-to = Received until
filter-sort = Order
filter-apply = Apply
filter-clear = Clear filters
sort-newest = Newest first
sort-oldest = Oldest first
sort-risk = Most urgent first
case-triage = Triage
case-move-to = Move to
case-move = Move
case-set-risk = Set risk
case-assign = Assign
case-notes = Internal notes
case-notes-hint = Only staff see notes; they are encrypted like the report.
case-no-notes = No notes yet.
case-new-note = New note
case-add-note = Add note
case-timeline = Timeline
case-done-status = The status is changed.
case-done-risk = The risk level is changed.
case-done-assign = The assignment is changed.
case-done-note = The note is added.
case-done-filed = The report is filed.
case-done-message = Your message is saved. The reporter will see it when they come back with their receipt.
case-done-referred = The case is referred; the group has been emailed that something is waiting.
case-error-transition = This case cannot move to that status from where it is now. Choose one of the statuses offered.
case-error-changed = Someone else changed this case a moment ago. Check its status below and try again.
case-error-assignee = Cases can only be assigned to active caseworkers and administrators.
case-error-note-empty = Write something in the note before adding it.
case-error-note-long = This note is too long: split it into several notes.
case-error-note-control = The note contains invisible control characters (such as a NUL byte), which cannot be accepted. Type it again and save.
timeline-system = Reporter or system
timeline-filed = report filed
timeline-status = status changed
timeline-risk = risk changed
timeline-assigned = assigned to
timeline-unassigned = assignment removed
timeline-note = note added
timeline-referred = referred to
timeline-message-to = message to the reporter
timeline-message-from = message from the reporter
timeline-evidence-added = the reporter added evidence
timeline-deletion-requested = the reporter asked for the report to be deleted
timeline-deletion-cancelled = the reporter withdrew the deletion request
timeline-referral-accepted = referral accepted by
timeline-referral-declined = referral declined by
timeline-referral-update = update from

## Staff: intake by phone
intake-phone-link = Take a report by phone
intake-title = Take a report by phone
intake-intro = Enter the caller's report as they tell it. Only what happened is required. At the end, read them the reference and the receipt.
intake-submit = File the report
intake-done-title = Report filed
intake-done-read-out = Read the reference and the receipt to the caller now, slowly, and ask them to write both down.
intake-done-once = The receipt is not stored and will not be shown again.
intake-open-case = Open the case

## Staff: statistics
stats-title = Statistics
stats-intro = Counts from the reports whose reporters agreed to anonymous statistics.
stats-suppression = Counts below { $n } are never shown, so that no one can be singled out; where a hidden count could be worked out by subtraction, other counts are hidden too, until none can.
stats-total = { $count ->
    [one] 1 consenting report
   *[other] { $count } consenting reports
}
stats-total-small = { $n ->
    [one] Fewer than 1 consenting report
   *[other] Fewer than { $n } consenting reports
}
stats-download = Download as CSV
stats-by-kind = By kind of incident
stats-by-community = By community
stats-by-province = By province or territory
stats-by-month = By month received
stats-category = Category
stats-count = Reports
stats-not-stated = Not stated
stats-suppressed = fewer than { $n }
stats-empty = No consenting reports yet.

## Staff: two-factor sign-in
totp-title = Two-factor sign-in
totp-intro = An authenticator app on your phone shows a new six-digit code every 30 seconds; you type the code shown when you sign in.
totp-start = Set up an authenticator app
totp-step-app = Install an authenticator app on your phone (for example FreeOTP, Aegis or Google Authenticator).
totp-step-scan = Scan this code with the app, or type the key below into it.
totp-qr-alt = QR code to scan with your authenticator app
totp-manual = Key to type by hand:
totp-step-confirm = Enter the six-digit code the app shows now
totp-confirm = Turn on two-factor sign-in
totp-enabled = The authenticator app is on.
totp-current-code = Current six-digit code
totp-new-codes = Make new recovery codes
totp-disable = Turn off the authenticator app
totp-done-off = The authenticator app is off: its codes no longer sign you in.
totp-codes-title = Your recovery codes
totp-codes-once = Each code lets you sign in once without your phone. Write them down or print them and keep them safe: they are shown only now.
totp-codes-done = I have saved them
totp-admin-required = Administrators must use two-factor sign-in. Set it up to continue.
totp-required = Two-factor sign-in is required for every staff account. Set it up to continue.
totp-error-code = That code is not right. Check the time on your phone and enter the code shown now.
totp-error-admin = Administrators must keep two-factor sign-in on: add another second factor (a passkey or the authenticator app) before you remove this one.
totp-error-required = Two-factor sign-in is required for every staff account: add another second factor (a passkey or the authenticator app) before you remove this one.

## Staff: passwords
password-title = Choose your password
password-rules = Use at least 15 characters: a few unrelated words make a good password. Any language and any characters are fine.
password-new = New password
password-confirm = The same password again
password-submit = Set password
password-mismatch = The two passwords are not the same. Type them again.
password-too-short = This password is too short: use at least 15 characters.
password-too-long = This password is too long: use at most 256 characters.
password-too-common = This password is too common or too simple (it appears in lists of breached passwords, or repeats a pattern). Choose another.
password-link-gone = This link has already been used or has expired. Ask an administrator for a new one.

## Staff: accounts (administrators)
admin-users-title = Staff accounts
admin-state = State
admin-active = Active
admin-inactive = Deactivated
admin-on-duty = on duty
admin-no-password = no password yet
admin-new-user = New account
admin-organisation-for-liaison = Partner group (liaisons only)
admin-create = Create account
admin-actions = Actions
admin-deactivate = Deactivate (ends all sessions now)
admin-reactivate = Reactivate
admin-send-reset = Send a password reset link
admin-change-role = Change role
admin-done-created = The account is created. Its owner has been emailed a link to set their password.
admin-done-reset = A new password link has been emailed; older links no longer work.
admin-done-active = The account's state is changed.
admin-done-role = The role is changed; the account's sessions have ended.
admin-done-duty = The duty status is changed.
admin-link-explain = If email is not working, give this single-use link to the account's owner through a safe channel. It expires in 48 hours.
admin-error-email = Enter a valid email address.
admin-error-role = Choose a role.
admin-error-organisation = Liaisons need a partner group, and only liaisons have one. Choose accordingly.
admin-error-exists = An account with this email address already exists.
admin-error-official-body = This is an official body, not a partner group: official bodies have no liaisons. Choose a partner group, or another role.
admin-error-self = You cannot deactivate your own account or take away your own administrator role.

## Emails (never any report content)
mail-footer = This message was sent by Haven. It contains no case details; sign in to see them.
mail-urgent-case-subject = An urgent case is waiting in Haven
mail-urgent-case-body = A case marked urgent — possible immediate danger — is waiting for a caseworker.
mail-urgent-case-link = Sign in to see urgent cases
mail-welcome-subject = Your Haven account
mail-welcome-body = An account has been created for you on Haven. Choose your password with the link below; it works once and expires in 48 hours.
mail-welcome-link = Choose your password
mail-password-reset-subject = Reset your Haven password
mail-password-reset-body = An administrator has sent you a link to set a new password. It works once and expires in 48 hours. If you did not expect this, tell your administrator.
mail-password-reset-link = Set a new password

## Referrals
referral-heading = Referrals to partner groups
referral-intro = Choose one or more groups and write, for each, what they need to know. They see only what you write here — never the report, the contact details or the evidence.
referral-summary = Summary for this group
referral-summary-hint = Include only what the group needs in order to help, and only what the reporter would agree to share.
referral-submit = Refer the case
referral-no-consent = The reporter did not consent to referral, so this case cannot be referred.
referral-no-groups = There are no active partner groups. An administrator can add them under Recipients.
referral-status-pending = Waiting for an answer
referral-status-accepted = Accepted
referral-status-declined = Declined
referral-decline-reason = Reason given:
referral-error-consent = The reporter did not consent to referral: Haven will not refer this case.
referral-error-group = Choose at least one active partner group.
referral-error-summary = Write a summary for each group you chose (at most 10,000 characters). Invisible control characters (such as a NUL byte) cannot be accepted.
referral-error-already = This case is already referred to one of these groups.
referral-error-decided = This referral has already been answered.
referral-error-not-accepted = Accept the referral before posting updates.
referral-error-text = Write something (at most 10,000 characters). Invisible control characters (such as a NUL byte) cannot be accepted.
referrals-title = Referrals for your group
referrals-intro = Each referral holds only the summary a caseworker wrote for your group.
referrals-empty = No referrals yet.
referrals-received = Received
referrals-updated = Last change
referral-title = Referral
referral-summary-only = This is all that was shared with your group.
referral-decide = Your answer
referral-accept = Accept
referral-reason = Why your group declines (required; shared with the caseworker)
referral-decline = Decline
referral-updates = Updates
referral-no-updates = No updates yet.
referral-new-update = New update for the caseworker
referral-update-hint = The caseworker is emailed that there is an update; the update itself stays in Haven.
referral-post-update = Post update
referral-done-accept = You accepted this referral: your group takes the case on. The caseworker has been told. Post updates below to keep them informed.
referral-done-decline = You declined this referral. Your reason has been shared with the caseworker, who may refer the case to another group.
referral-done-update = Your update is posted. The caseworker has been told.

## Recipients: partner groups and official bodies (administrators)
groups-title = Recipients
groups-intro = Who a case can be shared with, and only with the reporter's consent: partner groups, whose liaisons sign in to Haven, and official bodies (police, national security, legal, other), which never sign in. A recipient without an age public key receives only the notice that a case was shared, never its content.
groups-empty = No recipients yet.
group-new = New recipient
group-name = Name
group-emails = Email addresses
group-emails-hint = One per line. Haven emails them only that something is waiting for them or was shared with them, never what.
group-communities = Communities served
group-language = Language of the recipient's emails
group-active = Active (can receive referrals and shared cases)
group-create = Create recipient
group-liaisons = Liaisons
group-no-liaisons = No liaison accounts yet.
group-add-liaison = Add a liaison (choose this group when creating the account)
group-done-created = The recipient is created.
group-done-saved = The recipient is saved.
group-error-name = Give the recipient a name of at most 200 characters, without control or invisible characters.
group-error-email = Give at least one email address, one per line, each a valid address.
group-error-community = Choose communities from the list.
group-error-exists = A partner group or official body with this name already exists. Choose another name, or open the existing one from the list.
recipient-kind = Kind
recipient-kind-hint = Partner groups have liaisons, who sign in to Haven and receive referrals. Official bodies have no liaisons and never sign in. Police and national-security bodies receive a case only if the reporter consented to share it with law enforcement; partner groups, legal and other bodies only if they consented to referral.
recipient-kind-partner = Partner group
recipient-kind-police = Police
recipient-kind-national-security = National security
recipient-kind-legal = Legal
recipient-kind-other = Other official body
recipient-communities-hint = Partner groups only: leave these unticked for an official body.
recipient-age-key = Age public key (optional)
recipient-age-key-hint = The public key the recipient sent you: it starts with age1 (age-keygen prints it after “public key:”). Never their secret key. Without a key, the recipient receives only the notice that a case was shared, never its content; for that, leave the field empty.
recipient-key = Age key
recipient-key-none = No key: notice only
recipient-official-no-liaisons = Official bodies have no liaisons and never sign in to Haven. Their addresses are emailed only that a case was shared with them, never what it holds.
recipient-error-kind = Choose a kind from the list.
recipient-error-communities = Only partner groups serve communities. Untick the communities, or choose Partner group as the kind.
recipient-error-kind-change = A partner group stays a partner group, and an official body stays an official body. To change that, create a new recipient.
recipient-error-secret-key = This is a secret key (it starts with AGE-SECRET-KEY-): it was not saved, and it must stay with the recipient alone. Ask them for their public key, which starts with age1. If they sent you the secret key by email or chat, ask them to make a new key pair.
recipient-error-age-key = This is not an age public key, so nothing was saved. A public key starts with age1 and has 62 letters and digits: paste it again, whole. Or leave the field empty: the recipient then receives only the notice that a case was shared.
recipient-done-key = The recipient is saved with its new age key: what is shared with it from now on is encrypted to that key.
recipient-done-key-removed = The recipient is saved without an age key: from now on it receives only the notice that a case was shared.

## Outbox (administrators)
outbox-title = Outbox
outbox-intro = Every email Haven sends passes through here. Failed messages were tried several times, waiting longer each time.
outbox-by-status = Messages by status
outbox-pending = Pending
outbox-sent = Sent
outbox-failed = Failed
outbox-empty = No messages.
outbox-created = Written
outbox-recipient = To
outbox-kind = Message
outbox-attempts = Attempts
outbox-last-error = Last error
outbox-next = next attempt
outbox-retry = Try again
outbox-done-retry = The message is back in line and will be sent shortly.
outbox-template-urgent-case = Urgent case waiting
outbox-template-welcome = New account
outbox-template-password-reset = Password reset
outbox-template-referral-waiting = Referral waiting
outbox-template-referral-answered = Referral answered
outbox-template-referral-withdrawn = Referral withdrawn

## Referral emails (never any report content)
mail-referral-waiting-subject = A referral is waiting for { $group } in Haven
mail-referral-waiting-body = A caseworker has referred a case to { $group }. Sign in to Haven to read what they wrote for you and to answer.
mail-referral-waiting-link = Sign in to see your referrals
mail-referral-answered-subject = { $group } answered a referral in Haven
mail-referral-answered-body = { $group } has answered or updated a case you referred. Sign in to see it.
mail-referral-answered-link = Sign in to see your cases
mail-waiting-subject = Something may be waiting for you in Haven
mail-waiting-body = Haven sends this message at set times. Something may be waiting for you — a message, an answer or a referral. Sign in to see.
mail-waiting-link = Sign in to Haven

## Follow-up by receipt (reporters)
follow-up-title = Follow up on your report
follow-up-intro = Enter the case reference and the secret receipt you were given when you made your report. You will see any messages from caseworkers and can reply, add evidence, or ask us to delete your report.
follow-up-reference-hint = Like K7M3-Q9PX. Capital or small letters, with or without the dash.
follow-up-receipt-hint = The 20 digits, with or without spaces.
follow-up-open = Open my report
follow-up-wrong = The reference or the receipt is not right. Check both and try again.
follow-up-held = Too many attempts with this reference or from this connection. Wait a few seconds, then try again.
follow-up-left = You have left your report. Close this window if others use this device.
follow-up-expired = For your safety, your visit ended after a while without activity. Enter your reference and receipt again.
follow-up-case-title = Your report
follow-up-status = Where your report is
follow-up-received = Received on { $date }.
reporter-status-new = Received. A caseworker will read it soon.
reporter-status-triaged = A caseworker has read your report.
reporter-status-in-progress = A caseworker is working on your case.
reporter-status-referred = With your agreement, your case has been passed to a community group that can help.
reporter-status-closed = Your case is closed. You can still send a message if something new happens.
follow-up-messages = Messages
follow-up-no-messages = No messages yet. A caseworker may write to you here; come back to check.
follow-up-from-you = You
follow-up-from-caseworker = Caseworker
follow-up-reply = Your message
follow-up-send = Send message
follow-up-evidence = Add evidence
follow-up-files = { $count ->
    [one] One file has been received with your report.
   *[other] { $count } files have been received with your report.
}
follow-up-add-evidence = Send files
follow-up-delete-title = Delete your report
follow-up-delete-explain = { $hours ->
    [one] If you ask, your report, messages and files will be deleted for good after 1 hour. Until then you can change your mind here.
   *[other] If you ask, your report, messages and files will be deleted for good after { $hours } hours. Until then you can change your mind here.
}
follow-up-delete = Delete my report
follow-up-deletion-pending-title = Your report will be deleted
follow-up-deletion-pending = Your report and everything with it will be deleted for good on { $date }. If you did not mean this, or someone made you do it, you can keep it.
follow-up-keep = Keep my report
follow-up-leave = Leave and forget this visit
follow-up-done-reply = Your message is sent.
follow-up-done-evidence = Your files are received.
follow-up-done-deletion = Your report will be deleted.
follow-up-done-kept = Your report will be kept.
follow-up-error-message = Write a message first (at most 10,000 characters).
follow-up-error-no-file = Choose at least one file to send.
follow-up-error-evidence-cap = This case already holds as many files as it can (at most 30 files and 100 MB in all), so nothing was added. You can describe further evidence in a message.

## Staff: messages with the reporter, deletion requests
case-messages = Messages with the reporter
case-messages-hint = Haven never contacts the reporter: they read your messages when they come back with their receipt.
case-no-messages = No messages yet.
case-from-reporter = Reporter
case-new-message = Message to the reporter
case-send-message = Send message
case-error-message = Write a message first (at most 10,000 characters). Invisible control characters (such as a NUL byte) cannot be accepted.
case-deletion-requested = The reporter asked for this report to be deleted. It will be deleted for good on { $date } unless they withdraw the request.
case-delete-now = Delete it now
case-error-no-deletion = The reporter has not asked for this report to be deleted.

## Audit log (administrators)
audit-title = Audit log
audit-intro = Every view and change of a case, referral, account or setting by staff: who, what and when. Entries cannot be changed or removed, and each is chained to the one before by a hash, so tampering shows.
audit-total = { $count ->
    [one] One entry in all
   *[other] { $count } entries in all
}
audit-filters = Filter the audit log
audit-actor = Who (email)
audit-action = Action (or its beginning)
audit-target-type = Kind of thing
audit-target-id = Its id
audit-target = What
audit-detail = Detail
audit-when = When
audit-empty = No entries match.
audit-verify = Check the chain
audit-intact = { $count ->
    [one] The chain is intact: 1 entry, matching its hash.
   *[other] The chain is intact: { $count } entries, each matching its hash and following the one before.
}
audit-altered = Entry { $n } was altered after it was written. Treat this database as compromised and tell whoever is responsible for security.
audit-missing = Entries were removed just before entry { $n }. Treat this database as compromised and tell whoever is responsible for security.
audit-checkpoint = Checkpoint (optional)
audit-checkpoint-hint = A line printed by “haven audit checkpoint”, or shown here after an earlier check. The check then also shows whether entries up to it were removed.
audit-checkpoint-invalid = Checkpoint: this is not a checkpoint. Paste the whole line: a number, a colon and 64 hexadecimal characters.
audit-filter-invalid = { $field } cannot contain control characters (such as a NUL byte). Remove them and filter again.
audit-head = Checkpoint of the newest entry. Keep a copy outside Haven and its backups; checking against it later shows whether entries were removed:
audit-unkeyed = { $count ->
    [one] The one entry is not signed with this server’s audit key: the chain was stripped, or the key file is not the one that signed it. Treat this database as compromised and tell whoever is responsible for security.
   *[other] None of the { $count } entries is signed with this server’s audit key: the chain was stripped, or the key file is not the one that signed it. Treat this database as compromised and tell whoever is responsible for security.
}
audit-truncated = Entry { $n } of the checkpoint is missing: the newest entries were removed. Treat this database as compromised and tell whoever is responsible for security.
audit-diverged = Entry { $n } no longer matches the checkpoint: entries up to it were removed or rewritten, or the checkpoint belongs to another database. Treat this database as compromised and tell whoever is responsible for security.

# People's keys (accounts)
recovery-title = Your recovery key
recovery-what = Your account has keys of its own, which open the reports you may read. Your password locks them. This recovery key opens them too, if you ever forget your password.
recovery-shown-once = It is shown only now: Haven keeps no copy and cannot show it again.
recovery-keep = Print it or write it down on paper, and keep it somewhere safe, away from this computer. Do not keep it in a file, an email or a photo on this computer or your phone.
recovery-without = Without it, a forgotten password means a reset that gives you new keys, and you cannot open reports until a colleague who holds the team’s keys signs in and grants you access again.
recovery-replaced = Your password was reset without your recovery key, so your account has new keys. You can sign in, but you cannot open reports until a colleague who holds the team’s keys signs in and grants you access again.
recovery-print = Print
recovery-continue = I have kept it safe: continue
password-recovery-key = Recovery key (if you have it)
password-recovery-key-with = If you have the recovery key you were given when your account’s keys were made, enter it: your keys are kept and your access stays as it is.
password-recovery-key-without = Without it, your account gets new keys, and you cannot open reports until a colleague who holds the team’s keys signs in and grants you access again.
password-recovery-key-wrong = This recovery key does not open this account’s keys, so nothing was changed. Check it (letters and digits in groups of five) and try again, or leave it empty to get new keys. This link still works.
login-password-set-kept = Your password is set and your keys are kept: your access is unchanged. You can sign in now.
login-password-set-replaced = Your password is set and your account has new keys. After you sign in, you cannot open reports until a colleague who holds the team’s keys signs in and grants you access again.
account-password = Password
account-password-current = Current password
account-password-change = Change password
account-password-sessions = Changing it signs you out everywhere else; you stay signed in here.
account-password-wrong = The current password is not right, so nothing was changed. Type it again.
account-done-password = Your password is changed, and you are signed out everywhere else. Your keys are kept.
keys-label = Keys
keys-state-holds = Held: opens what the role allows
keys-state-waits-grant = Waiting for a grant: a colleague who holds the team key grants it at their next sign-in
keys-state-waits-sign-in = Waiting for its first sign-in: no keys yet
keys-admin-explain = Each account opens reports with keys of its own. A new account, or one whose password was reset without its recovery key, waits until a colleague who holds the keys signs in: the grant is made then.
keys-escrowed = Until every caseworker and admin has signed in once, the team key is also kept under the server’s master key: until then, a copy of the server with its key file could open it.
error-keys-title = This account’s keys could not be opened
error-keys-body = You are signed in, but reports and everything sealed in them stay closed to you; lists still work. If your password was reset without your recovery key, a colleague who holds the keys grants them to you at their next sign-in, or ask for a new reset link and use your recovery key. If you think someone else changed your password, tell an administrator at once.

# Linked cases
nav-links = Linked cases
case-done-link-confirmed = The link is confirmed.
case-done-link-dismissed = The link is dismissed: these two cases are no longer counted as linked.
case-done-link-none = These cases no longer share an identifier: nothing was recorded. The page below shows the links as they are now.
links-heading = Also named in
links-none = No other case names a phone number, address, account or plate of this report.
links-hint = Other reports name the same identifier. Only this report's own words are shown here. Confirm a link once you are satisfied it is the same perpetrator; dismiss it if not.
links-received = received { $date }
links-state-open = not decided
links-state-confirmed = confirmed
links-state-dismissed = dismissed
links-confirm = Confirm link with { $reference }
links-dismiss = Dismiss link with { $reference }
links-more = Cases not listed here: { $n }. See the whole group.
links-see-group = See this case's group of linked cases
links-unavailable = Links are unavailable: the link key could not be opened with your keys. The rest of the case is shown. An admin can check that your account has been granted the casework team's keys.
links-capped = { $n ->
    [one] This report names 1 phone number, address, account or plate. Only the first 20 link it to other cases, so that a report naming many cannot be used to find out which cases name them.
   *[other] This report names { $n } phone numbers, addresses, accounts or plates. Only the first 20 link it to other cases, so that a report naming many cannot be used to find out which cases name them.
}
identifier-phone = Phone number
identifier-email = Email address
identifier-wechat = WeChat account
identifier-telegram = Telegram account
identifier-signal = Signal account
identifier-handle = Account or handle
identifier-plate = Vehicle plate
link-groups-title = Groups of linked cases
link-groups-intro = Cases that name the same phone number, address, account or plate, directly or through one another; links a caseworker dismissed do not count. Largest groups first, then the most recent.
link-groups-around = The group of case { $reference }.
link-groups-all = All groups
link-groups-count = Groups: { $n }
link-groups-empty = No cases are linked yet.
link-groups-cases = Cases: { $n }
link-groups-received = received
link-groups-state = Decisions
link-groups-confirmed = Links confirmed: { $n }
link-groups-unconfirmed = No link confirmed yet
link-groups-show-more = Show more groups

# Deadlines, activity, and who read (the reporter's access list)
date-day = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
follow-up-next-reply = A caseworker will reply to you on this page by { $date }.
follow-up-next-reply-late = A caseworker should have replied by { $date }. We are sorry it is taking longer: your report is safe and waiting for a caseworker. Please come back soon.
follow-up-next-response = A caseworker has replied. The next step — starting work on your report, or referring it to a community group if you agreed — is planned by { $date }.
follow-up-next-response-late = The next step on your report was planned by { $date }. We are sorry it is taking longer; a caseworker will write to you on this page.
follow-up-next-working = A caseworker is working on your report. Come back to this page to read their messages.
follow-up-access-title = Who has opened your report
follow-up-access-explain = This list shows the role of whoever opened your report, never their name, and the community groups it was shared with, by day. Anyone who has your reference and receipt can see it too.
follow-up-access-none = No one has opened your report yet.
follow-up-access-opened-caseworker = Opened by a caseworker
follow-up-access-opened-admin = Opened by a Haven administrator
follow-up-access-shared = Shared with { $group }
follow-up-access-accepted = Accepted by { $group }
sort-attention = Needs attention first
filter-linked = Only cases linked to other cases
col-deadline = Next deadline
col-activity = Reporter’s last activity
deadline-reply-due = Reply due { $date }
deadline-response-due = Response due { $date }
deadline-reply-overdue = { $days ->
    [0] Reply overdue by less than a day
    [one] Reply overdue by 1 day
   *[other] Reply overdue by { $days } days
}
deadline-response-overdue = { $days ->
    [0] Response overdue by less than a day
    [one] Response overdue by 1 day
   *[other] Response overdue by { $days } days
}
queue-unread = New from the reporter
workload-title = Deadlines by caseworker
workload-caseworker = Caseworker
workload-due-soon = { $days ->
    [one] Due within 1 day
   *[other] Due within { $days } days
}
workload-overdue = Overdue
workload-nobody = Not assigned
workload-explain = Each name opens its cases in the order they need attention.
case-deadlines = Deadlines
case-deadline-ack = First message to the reporter, due { $date }
case-deadline-response = First response (in progress, referred or closed), due { $date }
case-deadline-met = Met on { $date }
case-deadline-pending = Not met yet
case-deadline-lapsed = Not met before the case was closed
case-deadline-overdue = { $days ->
    [0] Overdue by less than a day
    [one] Overdue by 1 day
   *[other] Overdue by { $days } days
}
case-unread = New from the reporter since { $date }: a reply or evidence. Opening the case as its assignee (or anyone, while it has none) marks it seen.
case-last-activity = Reporter’s last reply or evidence: { $date }
link-groups-page = Cases listed from number { $n }, most recent first.
link-groups-previous = Previous cases
link-groups-next = Next cases ({ $n } more)

## Packets: a case shared beyond Haven
packet-heading = Share a packet
packet-intro = A packet holds the report, the evidence files you choose and your cover note, encrypted so that only its recipient can open it. It never holds the reporter’s contact details, their receipt, messages or internal notes.
packet-recipient = Recipient
packet-recipient-hint = Only the recipients the reporter’s consents allow are listed. A recipient without a key receives only a notice that a case was shared with them.
packet-choose = Choose a recipient
packet-notice-only = no key: notice only
packet-cover = Cover note
packet-cover-hint = What the recipient should read first: why you are sharing this case and what you ask of them.
packet-evidence = Evidence files to include
packet-consent-online = A consent on this case was given on the reporter’s follow-up page, not in their report. Anyone holding the receipt can do that: before sharing, confirm with the reporter under Messages that it was them.
packet-never = Every packet is recorded in the audit log, and the reporter’s follow-up page shows that their case was shared and with whom.
packet-build = Build the packet
packet-no-recipients = No recipient is set up yet. An admin adds them under Recipients.
packet-no-consent = The reporter has not consented to sharing with any recipient set up in Haven.
packet-files = { $count ->
    [one] 1 evidence file
   *[other] { $count } evidence files
}
packet-open-page = Go to its download
packet-status-ready = ready to download
packet-status-downloaded = downloaded
packet-status-expired = expired, deleted
packet-status-notice = notice sent, no key
packet-error-recipient = Choose a recipient from the list.
packet-error-consent = The reporter has not given the consent this recipient needs, so nothing was shared. If they give it on their follow-up page, you can build the packet then.
packet-error-referral = A partner group receives packets through a referral. Refer the case to the group first, then build the packet.
packet-error-cover = Write a cover note: something to read, at most 10,000 characters, without control characters.
packet-error-file = One of the chosen files is not part of this case. Reload the page and choose again.
case-done-packet-group = The packet was built. The group’s liaisons were told by email that a packet is ready, and one of them can download it once, from the referral, within 14 days.
case-done-packet-notice = This recipient has no key, so only a notice that a case was shared was sent. Nothing of the case left Haven.
packet-title = Packet
packet-back = Back to case { $reference }
packet-done-built = The packet for { $recipient } was built and encrypted to their key. Download it now and send it to them.
packet-built = Built
packet-contents = Contents
packet-sha256 = SHA-256 of the encrypted file
packet-downloaded = Downloaded
packet-download-heading = Download
packet-download-once = { $minutes ->
   *[other] You can download this packet once, within { $minutes } minutes of building it. Then Haven deletes the file.
}
packet-until = Available until { $date }.
packet-download = Download the encrypted packet
packet-for-group = This packet is for a partner group: its liaisons download it from their referral.
packet-open-heading = How the recipient opens it
packet-open-deliver = Send the file to the recipient by the channel you agreed with them. It is encrypted to their key: nobody else, Haven included, can open it.
packet-open-hint = The recipient opens it with their age secret key:
packet-open-check = They can check that the file is the one Haven built, and that nothing in it was changed:
packet-gone-title = This packet cannot be downloaded again
packet-gone-body = A packet is downloaded once, within a set time. This one was already downloaded or its time ran out, and Haven has deleted the file. If the recipient still needs it, build a new packet from the case page.
packet-gone-back = Back
packet-group-heading = Packets for your group
packet-group-intro = Haven’s caseworkers shared this case with your group as an encrypted packet, which only your group’s age key opens. One of you can download it once; then Haven deletes the file.
packet-group-notice = { $date }: Haven told your group this case was shared, but your group has no key, so no packet was made. Ask Haven’s admin to add your group’s age public key.
packet-group-built = Packet built { $date }
packet-group-until = Available until { $date }.
packet-doc-title = Haven: case packet
packet-doc-case = Case
packet-doc-recipient = For
packet-doc-confidential = Confidential. Shared with the reporter’s consent: do not pass it on without asking Haven.
packet-doc-report = Report { $reference }
packet-doc-intro = Received by Haven on { $date }. The reporter’s contact details are not included.
packet-custody-title = Chain of custody
packet-custody-report = Report received
packet-custody-exported = Exported
packet-added-by-reporter = added by the reporter
packet-added-by-staff = added by a caseworker
mail-packet-ready-subject = An encrypted packet from Haven is ready for { $group }
mail-packet-ready-body = Haven’s caseworkers have prepared an encrypted packet for { $group }. This email holds nothing of it. A partner group’s liaisons download it from their referral in Haven; an official body receives the file from a caseworker. Open it with your age key.
mail-packet-ready-link = Go to Haven
mail-case-shared-subject = Haven shared a case with { $group }
mail-case-shared-body = With the reporter’s consent, Haven’s caseworkers shared a case with { $group }. Haven holds no encryption key for you, so nothing of the case was sent: a caseworker will contact you. To receive encrypted packets, send Haven your age public key.
mail-case-shared-link = Go to Haven
mail-recipient-key-changed-subject = The encryption key for { $group } was changed in Haven
mail-recipient-key-changed-body = An administrator set, changed or removed the age key Haven uses to encrypt packets for { $group }. Every administrator receives this notice. If you did not expect it, check the recipient’s page and the audit log now: a packet encrypted to a wrong key can be opened by whoever holds that key.
mail-recipient-key-changed-link = Check the recipient
mail-admin-access-changed-subject = An administrator account in Haven changed
mail-admin-access-changed-body = An administrator was deactivated, or an account gained or lost the administrator role. Every administrator receives this notice, and so does the account concerned. If you did not expect it, check the accounts page and the audit log now.
mail-admin-access-changed-link = Check the accounts
mail-second-factor-changed-subject = Your second factors in Haven changed
mail-second-factor-changed-body = A passkey was added to or removed from your account, the authenticator app was turned on or off, or new recovery codes were made. If it was you, there is nothing to do. If it was not, tell an administrator now: someone may be signed in as you.
mail-second-factor-changed-link = Check your second factors
packet-error-deletion = The reporter has asked for this case to be deleted, so nothing more of it leaves Haven. If they cancel the request on their follow-up page, you can build the packet then.
packet-group-accept-first = Accept the referral to download the packet.

# Consent in the reporter's hands: what each recipient sees, how long a
# report is kept, the follow-up page's consents and "Shared with".
consent-sees-referral = What they see: a partner community group sees a summary a caseworker writes for it. It sees your report itself or your files only if a caseworker chooses to share them with it, and your contact details only if the caseworker writes them in that summary. The group is emailed only that something is waiting for it. Another helper, such as a lawyer, would receive an encrypted file that only they can open, with your report, the files a caseworker chooses, a note from the caseworker, a list of those files and when your report and each file reached Haven — never your contact details.
consent-sees-police = What they see: Canadian police and national-security bodies (such as the RCMP National Security Information Network) would receive an encrypted file that only they can open, with your report, the files a caseworker chooses, a note written by the caseworker, a list of those files and when your report and each file reached Haven (to the hour). It never contains your contact details. A caseworker decides whether to send it; nothing is sent automatically.
consent-sees-stats = What they see: only counts — how many reports of each kind, community, province and month — shown to Haven’s staff and used for advocacy. Never your words, your contact details or your files, and no count smaller than 5 is ever shown.
field-retention = { $days ->
    [one] Haven keeps a report for 1 day after its case is closed, then deletes it for good, with its messages and files. You can ask for it to be deleted sooner on the follow-up page.
   *[other] Haven keeps a report for { $days } days after its case is closed, then deletes it for good, with its messages and files. You can ask for it to be deleted sooner on the follow-up page.
}
consent-referral = referral to partner groups and other helpers
consent-police = sharing with Canadian police and national-security bodies
consent-stats = anonymous statistics
case-consent-given-online = given by the reporter on the follow-up page, { $when }
timeline-consent-given = the reporter gave consent to
timeline-consent-withdrawn = the reporter withdrew consent to
timeline-referral-withdrawn = referral withdrawn by the reporter before an answer from
referral-status-withdrawn = Withdrawn by the reporter
referral-withdrawn-explain = The person who made this report withdrew their agreement to referral before your group answered. Haven no longer shows your group anything of this case, and nothing more is needed from you.
referral-error-withdrawn = The reporter withdrew this referral before it was answered: it can no longer be accepted, declined or updated.
mail-referral-withdrawn-subject = A referral to { $group } was withdrawn in Haven
mail-referral-withdrawn-body = A referral to { $group } that had not been answered yet was withdrawn: the person who made the report no longer agrees to it. Haven no longer shows it to you, and nothing more is needed.
mail-referral-withdrawn-link = Sign in to see your referrals
follow-up-shared-title = Shared with
follow-up-shared-explain = Who outside Haven has received something about your case, and where it stands. Anyone who has your reference and receipt can see this too.
follow-up-shared-none = Your case has not been shared with anyone outside Haven.
follow-up-shared-pending = { $group }: a referral is waiting for their answer
follow-up-shared-accepted = { $group }: accepted your case
follow-up-shared-declined = { $group }: could not take your case on
follow-up-shared-withdrawn = { $group }: withdrawn at your request before they answered
follow-up-shared-on = shared on { $date }
follow-up-consents-title = What you allow us to do
follow-up-consents-explain = Each agreement stands as you gave it with your report, or as you have changed it here since. You can give or withdraw each one at any time; a change takes effect at once.
follow-up-consent-given = You have agreed to this.
follow-up-consent-not-given = You have not agreed to this.
follow-up-consent-changed-given = Given on this page on { $date }.
follow-up-consent-changed-withdrawn = Withdrawn on this page on { $date }.
follow-up-consent-changed-several = Changed more than once on this page on { $date }.
follow-up-consent-referral-withdraw-note = If you withdraw this, Haven will not refer your case to anyone. Referrals no group has accepted yet are withdrawn at once, and those groups are told only that a referral was withdrawn — nothing about you or your report. A group that has already accepted keeps the summary it received: to ask it to stop, write to your caseworker under Messages on this page.
follow-up-consent-withdraw-referral = Withdraw my agreement to referral
follow-up-consent-withdraw-police = Withdraw my agreement to sharing with Canadian police
follow-up-consent-withdraw-stats = Withdraw my agreement to statistics
follow-up-consent-give-referral = Agree to referral
follow-up-consent-give-police = Agree to sharing with Canadian police
follow-up-consent-give-stats = Agree to statistics
follow-up-done-referral-given = You agreed to referral. A caseworker may now refer your case to a partner community group or another helper; each referral will be listed under “Shared with” on this page.
follow-up-done-referral-withdrawn = You withdrew your agreement to referral. Haven will not refer your case to anyone from now on.
follow-up-done-referral-withdrawn-pending = The referrals no group had answered yet are withdrawn (see “Shared with”). Those groups were told only that a referral was withdrawn — nothing about you or your report.
follow-up-done-referral-withdrawn-accepted = Groups that had already accepted your case keep the summary they received. To ask them to stop, write to your caseworker under Messages on this page.
follow-up-done-police-given = You agreed to sharing with Canadian police and national-security bodies. A caseworker decides whether to share your report; nothing is sent automatically.
follow-up-done-police-withdrawn = You withdrew your agreement to sharing with Canadian police and national-security bodies. Haven will not share your report with them from now on.
follow-up-done-stats-given = Your report is now counted in Haven’s anonymous statistics.
follow-up-done-stats-withdrawn = Your report is no longer counted in Haven’s anonymous statistics.
follow-up-consent-already-given = You had already given this agreement, so nothing changed.
follow-up-consent-already-withdrawn = You had not given this agreement, so there was nothing to withdraw and nothing changed.
follow-up-error-consent = That change could not be understood, so nothing changed. Use one of the buttons under “What you allow us to do”.
follow-up-shared-packet = { $group }: received an encrypted copy of your report, which only they can open, without your contact details
follow-up-shared-notice = { $group }: told that your case was shared with them, with nothing of its content
field-occurred-unsure = I don’t remember exactly — this date is an estimate, or I don’t know it
case-occurred-approximate = (approximate)
date-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
steps-label = Steps of your report
step-of = Step { $n } of { $total }: { $title }
step-safety = Your safety
step-what-happened = What happened
step-who = Who was behind it, and evidence
step-support = Support, contact and consent
step-next = Next
step-back = Back
step-show-all = Show all questions on one page
step-optional-all = Every question on this page is optional.
step-optional-but-narrative = Only “What happened” is required; every other question is optional.
report-draft-note = { $hours ->
    [one] Between steps, your answers and files are kept encrypted, for up to 1 hour after your last step, so that nothing is lost. Only this browser can open them, and only while this page is open. They are deleted when you send your report; if you stop, they can no longer be opened after that hour and are soon deleted.
   *[other] Between steps, your answers and files are kept encrypted, for up to { $hours } hours after your last step, so that nothing is lost. Only this browser can open them, and only while this page is open. They are deleted when you send your report; if you stop, they can no longer be opened after those { $hours } hours and are soon deleted.
}
report-files-held = { $count ->
    [one] 1 file attached so far (kept with your report):
   *[other] { $count } files attached so far (kept with your report):
}
report-file-size = { $kib ->
    [one] 1 KB
   *[other] { $kib } KB
}
report-file-remove = Remove
field-contact-use = Only caseworkers see your contact details, and they use them only to reach you about this report. Haven never emails or texts you by itself.
error-contact-while-none = You wrote a way to reach you but chose “Do not contact me”. Choose how we may contact you, or delete what you wrote to stay anonymous.
error-draft-expired = Your answers from earlier steps were deleted because they were kept too long. What you sent on this page is kept: please check the other steps again.
error-evidence-too-many = A report can carry at most 10 files, 25 MB in all, so some files were not added. Remove a file to add another, or describe the rest in your report.
error-summary-item = { $field } — { $problem }
error-summary-elsewhere = { $field } (step { $n }) — { $problem }
required-mark = (required)
audit-target-case = Case { $reference }
audit-target-case-purged = Deleted case (no. { $n })
audit-target-referral = Referral { $code } of case { $reference }
audit-target-referral-purged = Referral { $code } of a deleted case
audit-target-evidence = A file of case { $reference }
audit-target-evidence-purged = A file of a deleted case
audit-target-account = Account { $name }
audit-target-account-unknown = Account no. { $n }
audit-target-group = Group { $name }
audit-target-group-unknown = Group no. { $n }
audit-unassigned = Unassigned
referral-label = Referral { $code }
referral-received-on = Received { $date }
referral-accept-explain = If you accept, the caseworker is told that your group takes the case on. Your group then helps the person, and you post updates on this page to keep the caseworker informed.
referral-accept-confirm = I confirm our group takes this case on
referral-decline-explain = If you decline, a reason is required. It is shared with the caseworker, who may refer the case to another group.
referral-error-confirm = To accept, tick “I confirm our group takes this case on”. Nothing was changed.
referral-error-reason = To decline, write your group’s reason (at most 10,000 characters, without invisible control characters such as a NUL byte). It is shared with the caseworker. Nothing was changed.
audit-target-id-hint = A number as recorded, or a case reference such as K7M3-Q9PX.
queue-go-reference = Go to a case by reference
queue-go = Go
queue-reference-not-found = No case has the reference “{ $reference }”. Check it (for example K7M3-Q9PX) and try again.
col-language = Language
filter-language = Language of the report
language-name-en = English
language-name-fr = French
language-name-zh-hans = Chinese (Simplified)
language-name-zh-hant = Chinese (Traditional)
language-name-ug = Uyghur
language-name-bo = Tibetan
kind-short-online-harassment = Online harassment
kind-short-surveillance = Surveillance
kind-short-family-threats = Family threatened
kind-short-pressure-to-return = Pressure to return
kind-short-pressure-to-inform = Pressure to inform
kind-short-event-intimidation = Intimidation at events
kind-short-hacking = Hacking
kind-short-smear-campaign = Smear campaign
kind-short-proxy-contact = Proxy contact
kind-short-legal-abuse = Legal abuse
kind-short-assault = Assault
kind-short-other = Other
case-status-keep = Keep as { $status }
case-status-move = Move to { $status }
case-triage-save = Save triage
case-done-triage = Triage saved: the status, risk level and assignee are as shown.
case-back-to-queue = Back to the queue
shortcuts-title = Keyboard shortcuts
shortcuts-intro = Outside a text field, press:
shortcut-status = choose the status
shortcut-risk = choose the risk level
shortcut-assignee = choose who the case is assigned to
shortcut-note = write an internal note
shortcut-message = write to the reporter
shortcut-queue = go back to the queue
shortcuts-without-script = Without JavaScript these keys do nothing: Tab moves through the same fields in the same order, and Enter saves the triage form.
case-label-kinds = Kinds of incident
case-label-reporter-role = Reporter's role
case-label-occurred-on = When it happened
case-label-city = City
case-label-province = Province
case-label-community = Community
case-label-channels = How it reached them
case-label-state-link = Suspected link to a state
case-label-demands = What they were asked to do
case-label-involved = People involved
case-label-identifiers = Phone numbers, accounts or names used
case-label-family-affected = Family abroad affected
case-label-prior-reports = Reported to Canadian police before
case-label-support = Support wanted
case-label-contact-method = Contact
case-label-consents = Consents
case-label-consent-referral = Referral to partner groups
case-label-consent-police = Sharing with Canadian police and national security
case-label-consent-stats = Anonymous statistics
case-label-narrative = What happened
error-evidence-held-full = Haven cannot hold more files for reports being written just now, so some files were not added. Send your report without them, then add them from the follow-up page with your receipt.
queue-unread-short = New
case-assignee-inactive = An account no longer active

## Passkeys and the second step of signing in

login-verify-title = Confirm it is you
login-verify-intro = Your password is right. Now use your second factor: your passkey or security key, a code from your authenticator app, or a recovery code.
login-verify-passkey = Use your passkey
login-verify-passkey-hint = Your browser asks for your passkey or security key: touch the key, or unlock this device or your phone, when asked.
login-verify-passkey-button = Use my passkey
login-verify-code-instead = Or use a code
login-verify-code = Enter a code
login-verify-code-label = Code from your authenticator app, or a recovery code
login-verify-code-hint = Six digits from the app, or a recovery code such as 7K3MQ-9PXR2.
login-verify-recovery-label = Recovery code
login-verify-recovery-hint = One of the recovery codes you saved, such as 7K3MQ-9PXR2. Each one works once.
login-verify-start-over = Start again with your password
login-verify-start-again = Your sign-in timed out or ended. Enter your email address and password again.
login-verify-expired = The passkey request timed out or was already used. Press “Use my passkey” again.
login-verify-wrong-code = { $tries ->
    [one] That code is not right. You have one more try before you must start again with your password.
   *[other] That code is not right. You have { $tries } more tries before you must start again with your password.
}
login-verify-wrong-passkey = { $tries ->
    [one] That passkey was not accepted. Use a passkey you added to this account. You have one more try before you must start again with your password.
   *[other] That passkey was not accepted. Use a passkey you added to this account. You have { $tries } more tries before you must start again with your password.
}
passkey-js-cancelled = The passkey was not used: the request was cancelled or timed out. Press the button to try again, or use a code.
passkey-js-taken = This passkey or security key is already added to your account. Use another one, or cancel.
passkey-js-unsupported = This browser cannot use passkeys. Use an up-to-date browser, or a code.
passkey-js-failed = The passkey did not work. Try again, or use a code.
passkey-needs-script = Passkeys need JavaScript, which is off in this browser. Turn it on for this site, or use a code.
factors-intro = A second factor makes a stolen password useless on its own. You can have several: passkeys, an authenticator app, and recovery codes for when you have neither.
passkeys-title = Passkeys and security keys
passkeys-intro = The safest second factor: a passkey works only on Haven’s own address, so a fake sign-in page cannot capture it. It can live on this device, on your phone, or on a security key such as a YubiKey.
passkeys-none = You have no passkey yet.
passkeys-unavailable = Passkeys cannot be used at this address. Whoever runs Haven can make them work by giving it a domain name (HAVEN_BASE_URL).
passkey-name = Name
passkey-added = Added
passkey-last-used = Last used
passkey-never-used = Not used yet
passkey-suspended = Suspended: it answered as if it may have been copied, so it no longer signs you in. Remove it, and add your key again; if you did not copy it, tell an administrator.
passkey-remove = Remove
passkey-new-name = Name for a new passkey
passkey-new-name-hint = So that you can tell your passkeys apart, for example “Blue security key” or “Work laptop”.
passkey-add = Add a passkey
passkey-add-code = Then enter a code, to show it is you.
passkey-add-with-passkey = Add, confirming with a passkey I have
totp-start-with-passkey = Set up, confirming with my passkey
passkey-error-name-missing = Give the passkey a name.
passkey-error-name-long = Use a name of 60 characters or fewer.
passkey-error-unavailable = Passkeys cannot be used at this address. Use a code instead.
passkey-error-expired = The passkey request timed out or was already used. Start again.
passkey-error-taken = That passkey is already added. Use another one.
passkey-error-refused = The passkey was not accepted. Try again with a passkey added to your account, or use a code.
passkey-error-required = You must keep a passkey: add another one before you remove this one.
passkey-done-added = Your passkey is added. Next time you sign in, use it after your password.
passkey-done-removed = The passkey is removed: it no longer signs you in.
passkey-admin-required = Administrators must sign in with a passkey. Add one to continue.
passkey-required = Every staff account must sign in with a passkey. Add one to continue.
totp-app-title = Authenticator app
totp-not-for-sign-in = Your role signs in with a passkey: codes from this app no longer sign you in.
recovery-codes-title = Recovery codes
recovery-codes-left = { $count ->
    [0] You have no unused recovery codes. Make new ones.
    [one] You have one unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
recovery-new-with-passkey = Make new codes, confirming with my passkey
passkey-add-title = Add a passkey
passkey-add-step-button = Press “Create the passkey” below.
passkey-add-step-choose = Your browser asks where to keep it: on this device, on your phone, or on a security key. Choose one.
passkey-add-step-unlock = When asked, touch the key, or unlock the device with its PIN, fingerprint or face.
passkey-add-button = Create the passkey
passkey-cancel = Cancel
passkey-remove-title = Remove a passkey
passkey-remove-intro = Once removed, it no longer signs you in. To confirm, enter your password and use a second factor.
passkey-remove-password = Your password
passkey-remove-either = Then enter a code, or confirm with one of your passkeys, to show it is you.
passkey-remove-with-code = Remove, confirming with the code
passkey-remove-with-passkey = Remove, confirming with a passkey
factors-passkeys = { $count ->
    [one] One passkey
   *[other] { $count } passkeys
}
factors-app = Authenticator app
factors-none = None
admin-factors-reset = Remove all their second factors
admin-factors-confirm = I have checked, outside Haven, that this person really asked: they lost every passkey, their phone and their recovery codes.
admin-factors-hint = Their passkeys, authenticator app and recovery codes are removed and their sessions end. They sign in again with their password alone and set up a second factor at once; they are emailed that it happened. Someone who phished their password could do the same: check first, by a call to a number you already know, or in person.
admin-error-factors-confirm = Tick the box to say you have checked that the request is really theirs, then press the button again.
admin-done-factors = Their second factors are removed. At their next sign-in they set up a new one.
