# Haven — English. The reference language: every other file has the same keys.

site-name = Haven
staff-site-name = Haven · staff
skip-to-content = Skip to content
quick-exit = Quick exit
nav-languages = Language
nav-staff = Staff
nav-cases = Cases
nav-account = Account
nav-sign-out = Sign out
footer-emergency = In immediate danger? Call 911.
footer-privacy = Haven does not record your IP address, your browser or when exactly you visited.
yes = Yes
no = No
required = required
choose-none = — Not stated —
error-prefix = Error:

## Landing page
home-title = Report foreign state harassment, safely
home-lead = If you are in Canada and someone acting for a foreign government has threatened, followed, pressured or harassed you or your family, you can tell us here. You do not have to give your name.
home-start-report = Make a report
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
what-happens-3 = Nothing is shared with the police or anyone else unless you say so.

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
field-occurred-on-hint = A date (2026-05-14) or a month (2026-05) if you do not remember the day.
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
field-family-affected = My family in the country of origin was affected
field-prior-reports = Have you already reported this to the police, the RCMP or CSIS? (optional)
field-prior-reports-hint = If so, to whom, and any occurrence or file number.
field-immediate-danger = I am in immediate danger
field-immediate-danger-hint = Call 911 first. Ticking this marks your report as urgent.
field-support = What support would help you? (choose all that apply)
field-evidence = Evidence (optional)
field-evidence-hint = Screenshots, photos, documents, audio or video: up to 10 files, 10 MB each, 25 MB in all. Location data is not needed; remove it if you can.
field-contact-method = How may we contact you?
field-contact-hint = Only if you want us to. Choose “Do not contact me” to stay anonymous.
field-contact-value = Your email address, phone number or Signal username
field-consents = What do you allow us to do?
field-consents-hint = Each of these is off unless you tick it. You can change your mind later.
field-consent-referral = Refer my case to a partner community group that can help
field-consent-police = Share my report with law enforcement
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
kind-proxy-contact = Contact by an unofficial “police station” or other state proxy
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
error-occurred-on-invalid = Write a date as 2026-05-14 or a month as 2026-05, not in the future.
error-contact-value-required = Write how to reach you, or choose “Do not contact me”.
error-contact-value-invalid = This does not look like a valid email address, phone number or Signal username for the method you chose.
error-evidence-type = One of the files is not a type we accept (images, PDF, plain text, audio or video). Please attach only those.
error-form-expired = This form had expired, so nothing was sent. Your answers are still here: please check them and send again.

## Receipt
receipt-title = Your report was received
receipt-stored = Your report is stored safely and encrypted. A caseworker will read it.
receipt-reference-label = Case reference
receipt-receipt-label = Secret receipt
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
login-totp = One-time code
login-totp-hint = Only if you have set up two-factor sign-in.
login-submit = Sign in
login-failed = The email address or password is not right, or the account is not active. Try again.
login-signed-out = You have signed out.

## Staff: account
account-title = Your account
account-email = Email address
account-role = Role
account-organisation = Partner group
account-session-idle = You are signed out after { $minutes } minutes without activity.
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
queue-newest = Newest cases
queue-older = Older cases
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
