# REVIEW STATUS: NOT yet reviewed by a native speaker.
# English: written by a fluent (non-native) writer of French, following Canadian French
# conventions; it has NOT yet been reviewed by a native speaker and must be reviewed
# before production use.
# Français : traduction rédigée par une personne qui maîtrise le français (usage canadien),
# mais qui n’a PAS encore été révisée par une personne de langue maternelle française.
# Elle doit être révisée avant toute mise en production.
#
# Haven — français. La référence est locales/en/haven.ftl : ce fichier en reprend toutes les clés, dans le même ordre.

site-name = Haven
staff-site-name = Haven · personnel
skip-to-content = Passer au contenu
quick-exit = Sortie rapide
nav-languages = Langue
nav-public = Menu principal
nav-report = Faire un signalement
nav-follow-up = Suivre un signalement
nav-staff = Personnel
nav-cases = Dossiers
nav-account = Compte
nav-stats = Statistiques
nav-users = Comptes du personnel
nav-groups = Destinataires
nav-outbox = Boîte d’envoi
nav-audit = Journal d’audit
nav-referrals = Aiguillages
nav-sign-out = Se déconnecter
footer-emergency = En danger immédiat? Composez le 911.
footer-privacy = Haven n’enregistre ni votre adresse IP, ni votre navigateur, ni le moment exact de votre visite.
yes = Oui
no = Non
choose-none = — Non précisé —
error-prefix = Erreur :

## Landing page
home-title = Signaler, en toute sécurité, le harcèlement par un État étranger
home-lead = Si vous êtes au Canada et qu’une personne agissant pour un gouvernement étranger s’en est prise à vous ou à votre famille (menaces, filature, pressions ou harcèlement), vous pouvez nous le dire ici. Vous n’avez pas à donner votre nom.
home-start-report = Faire un signalement
home-follow-up = Suivre un signalement
danger-call-911 = Si vous êtes en danger immédiat, composez d’abord le 911.
safety-title = Avant de commencer
safety-device = Utilisez un appareil et un réseau auxquels vous faites confiance. Si quelqu’un risque de vérifier votre téléphone ou votre ordinateur, utilisez une fenêtre de navigation privée et fermez-la lorsque vous avez terminé.
safety-tor = Haven fonctionne dans Tor Browser, même au niveau de sécurité le plus élevé, et sans JavaScript.
safety-anonymous = Vous pouvez faire un signalement sans donner votre nom ni aucun moyen de vous joindre.
safety-quick-exit = Le bouton « Sortie rapide », en haut de chaque page, vous fait quitter ce site immédiatement.
safety-receipt = Après votre signalement, vous recevez une référence et un reçu secret. Notez-les et gardez-les en lieu sûr : ils vous permettront de revenir lire les réponses et d’ajouter des renseignements.
what-happens-title = Et ensuite?
what-happens-1 = Une personne intervenante lit votre signalement, habituellement dans un délai de deux jours ouvrables. Les signalements urgents sont lus en premier.
what-happens-2 = Si vous êtes d’accord, cette personne peut vous mettre en contact avec un organisme communautaire en mesure de vous aider.
what-happens-3 = Rien n’est communiqué à la police canadienne ni à qui que ce soit sans votre accord.

## Report form
report-title = Faire un signalement
report-intro = Racontez-nous ce qui s’est passé, dans vos propres mots. Seule la première question est obligatoire; répondez aux autres si vous le pouvez.
report-required-note = Vos réponses sont chiffrées dès qu’elles nous parviennent.
report-errors-title = Veuillez vérifier votre signalement
report-files-again = Pour votre sécurité, les fichiers joints ne sont pas conservés lorsque le formulaire s’affiche de nouveau : veuillez les joindre encore une fois.
report-submit = Envoyer mon signalement
field-narrative = Que s’est-il passé?
field-narrative-hint = Décrivez ce qui s’est passé, quand et où, et les conséquences pour vous. Vous pouvez écrire dans la langue de votre choix.
field-kinds = De quel type d’incident s’agit-il? (cochez toutes les réponses qui s’appliquent)
field-reporter-role = Quel est votre rôle dans ce signalement?
field-occurred-on = Quand cela s’est-il passé?
field-occurred-on-hint = Une année, un mois ou un jour, par exemple 2025, 2025-05 ou 7/5/2025. Quand l’année vient en dernier, écrivez d’abord le jour, puis le mois : 7/5/2025 est le 7 mai 2025.
field-where = Où cela s’est-il passé?
field-where-hint = Seulement la ville et la province : pas d’adresse municipale.
field-city = Ville
field-province = Province ou territoire
field-community = Quelle communauté est concernée?
field-channels = Par quel moyen cela vous est-il parvenu? (cochez toutes les réponses qui s’appliquent)
field-state-link = Qui, selon vous, est derrière cela?
field-demands = Qu’attendait-on de vous? (cochez toutes les réponses qui s’appliquent)
field-involved = Quelles personnes étaient impliquées? (facultatif)
field-involved-hint = Noms, organisations ou descriptions, si vous les connaissez et que vous pouvez les indiquer sans danger.
field-identifiers = Numéros de téléphone, comptes ou noms qu’ils ont utilisés (facultatif)
field-identifiers-hint = Par exemple un numéro de téléphone, un compte WeChat ou Telegram, une adresse courriel, une plaque d’immatriculation. Un par ligne. Cela nous aide à voir si les mêmes personnes en ont harcelé d’autres.
field-family-affected = Ma famille dans le pays d’origine a été touchée
field-prior-reports = Avez-vous déjà signalé ces faits à la police canadienne, à la GRC ou au SCRS? (facultatif)
field-prior-reports-hint = Si oui, à qui, et tout numéro d’événement ou de dossier.
field-immediate-danger = Je suis en danger immédiat
field-immediate-danger-hint = Composez d’abord le 911. Si vous cochez cette case, votre signalement sera marqué comme urgent.
field-support = Quel soutien vous aiderait? (cochez toutes les réponses qui s’appliquent)
field-evidence = Preuves (facultatif)
field-evidence-hint = Captures d’écran, photos, documents, enregistrements audio ou vidéo : jusqu’à 10 fichiers, 10 Mo chacun, 25 Mo au total. Haven retire les données de localisation et de l’appareil photo des photos JPEG, PNG et WebP; pour les autres fichiers (comme les photos HEIC ou les vidéos), retirez vous-même ces données si vous le pouvez.
field-contact-method = Comment pouvons-nous vous joindre?
field-contact-hint = Seulement si vous le souhaitez. Choisissez « Ne pas me contacter » pour rester anonyme.
field-contact-value = Votre adresse courriel, votre numéro de téléphone ou votre nom d’utilisateur Signal
field-consents = Qu’est-ce que vous nous autorisez à faire?
field-consents-hint = Aucune de ces autorisations n’est accordée à moins que vous ne cochiez la case. Vous pourrez changer d’avis plus tard.
field-consent-referral = Transmettre mon dossier à un organisme communautaire partenaire qui peut m’aider
field-consent-police = Communiquer mon signalement aux forces de l’ordre canadiennes
field-consent-stats = Inclure mon signalement, sans rien qui permette de m’identifier, dans des statistiques anonymes
field-lang = Langue
field-csrf-token = Formulaire

kind-online-harassment = Harcèlement en ligne, menaces ou divulgation malveillante de renseignements personnels (doxxage)
kind-surveillance = Filature, surveillance ou prise de photos
kind-family-threats = Menaces contre la famille dans le pays d’origine, ou détention de membres de la famille
kind-pressure-to-return = Pressions pour rentrer au pays
kind-pressure-to-inform = Pressions pour fournir des renseignements sur d’autres personnes ou les espionner
kind-event-intimidation = Intimidation lors d’événements, de manifestations ou sur un campus
kind-hacking = Piratage, hameçonnage ou compromission d’un appareil
kind-smear-campaign = Campagne de dénigrement, d’usurpation d’identité ou de désinformation
kind-proxy-contact = Contact par un prétendu « poste de police chinois à l’étranger » ou par un autre intermédiaire de l’État étranger
kind-legal-abuse = Détournement de procédures judiciaires ou consulaires (notices d’INTERPOL, demandes d’extradition, refus de passeport ou de services consulaires)
kind-assault = Agression physique ou tentative d’enlèvement
kind-other = Autre chose

role-targeted = J’étais la personne visée
role-witness = J’ai vu cela arriver à quelqu’un d’autre
role-on-behalf = Je fais ce signalement au nom de quelqu’un

channel-in-person = En personne
channel-phone = Appel téléphonique
channel-wechat = WeChat
channel-whatsapp = WhatsApp
channel-other-messaging = Autre application de messagerie
channel-email = Courriel
channel-social-media = Médias sociaux

state-link-embassy = Une ambassade ou un consulat
state-link-police = La police ou des services de sécurité
state-link-proxy = Une organisation agissant pour l’État
state-link-unknown = Je ne sais pas

demand-stop-activism = Que je cesse mon militantisme ou mes prises de parole
demand-return = Que je retourne dans le pays d’origine
demand-inform = Que je fournisse des renseignements sur d’autres personnes
demand-other = Autre chose

support-safety-planning = Planification de la sécurité
support-legal = Aide juridique
support-immigration = Aide en matière d’immigration
support-digital-security = Sécurité numérique
support-mental-health = Soutien en santé mentale
support-community-contact = Contact avec ma communauté

contact-none = Ne pas me contacter
contact-email = Courriel
contact-phone = Téléphone
contact-signal = Signal

community-uyghur = Ouïghoure
community-tibetan = Tibétaine
community-hong-kong = Hongkongaise
community-chinese = Chinoise (y compris les dissidents et les défenseurs des droits de la personne)
community-falun-gong = Falun Gong
community-southern-mongolian = Mongole du Sud
community-taiwanese = Taïwanaise
community-other = Une autre communauté

province-ab = Alberta
province-bc = Colombie-Britannique
province-mb = Manitoba
province-nb = Nouveau-Brunswick
province-nl = Terre-Neuve-et-Labrador
province-ns = Nouvelle-Écosse
province-nt = Territoires du Nord-Ouest
province-nu = Nunavut
province-on = Ontario
province-pe = Île-du-Prince-Édouard
province-qc = Québec
province-sk = Saskatchewan
province-yt = Yukon

error-narrative-required = Veuillez nous dire ce qui s’est passé.
error-invalid-choice = Ce choix ne fait pas partie des options : veuillez choisir de nouveau.
error-too-long = Cette réponse est trop longue : veuillez la raccourcir.
error-occurred-on-invalid = Cette date n’a pas pu être lue. Écrivez une année (2025), un mois (2025-05) ou un jour (2025-05-07, ou 7/5/2025 avec le jour en premier), à partir de 1950 et sans dépasser la date d’aujourd’hui. En cas de doute, laissez le champ vide et cochez « Je ne m’en souviens pas exactement ».
error-contact-value-required = Indiquez comment vous joindre, ou choisissez « Ne pas me contacter ».
error-contact-value-invalid = Ceci ne semble pas être une adresse courriel, un numéro de téléphone ou un nom d’utilisateur Signal valide pour le moyen que vous avez choisi.
error-evidence-type = Un des fichiers n’est pas d’un type accepté (images, PDF, texte brut, audio ou vidéo). Veuillez joindre uniquement des fichiers de ces types.
error-form-expired = Ce formulaire avait expiré : rien n’a donc été envoyé. Vos réponses sont toujours là : veuillez les vérifier et les envoyer de nouveau.
error-form-used = Ce formulaire a déjà été envoyé : il n’a donc pas été envoyé une seconde fois. Si vous voulez faire un autre signalement, vérifiez vos réponses ici et envoyez-les.
error-control-characters = Ce texte contient des caractères de contrôle invisibles, qui ne peuvent pas être acceptés. Veuillez vérifier le texte et l’envoyer de nouveau.
error-display-name-long = Un nom affiché compte au plus 100 caractères. Raccourcissez-le et enregistrez de nouveau.
error-display-name-control = Le nom affiché contient des caractères de contrôle invisibles, qui ne peuvent pas être acceptés. Saisissez-le de nouveau et enregistrez.
error-checkbox-value = Cette case a été envoyée avec une valeur autre que « cochée ». Veuillez la cocher de nouveau ou la laisser vide.
error-repeated-field = Cette réponse a été envoyée plusieurs fois. Veuillez la vérifier et envoyer le formulaire de nouveau.
error-evidence-name = Un nom de fichier contient des caractères de contrôle invisibles. Veuillez renommer le fichier et le joindre de nouveau.

## Receipt
receipt-title = Votre signalement a bien été reçu
receipt-stored = Votre signalement est conservé en lieu sûr, sous forme chiffrée. Une personne intervenante le lira.
receipt-reference-label = Référence du dossier
receipt-receipt-label = Reçu secret
receipt-stripped = { $count ->
    [one] Nous avons retiré les données de localisation et de l’appareil photo d’une photo avant de l’enregistrer.
   *[other] Nous avons retiré les données de localisation et de l’appareil photo de { $count } photos avant de les enregistrer.
}
receipt-write-down = Notez dès maintenant la référence et le reçu, et gardez-les en lieu sûr.
receipt-shown-once = Nous ne conservons pas le reçu et ne pourrons pas vous le montrer de nouveau. Avec la référence et le reçu, vous pourrez revenir lire les réponses, ajouter des renseignements ou nous demander de supprimer votre signalement.
receipt-keep-safe = Toute personne qui a votre reçu peut lire votre dossier : ne le communiquez à personne.
receipt-done = Je les ai notés
receipt-gone-title = Ce reçu n’est plus affiché
receipt-gone-body = Pour votre sécurité, le reçu n’est affiché que peu de temps après votre signalement, et seulement dans le navigateur que vous avez utilisé. Si vous ne l’avez pas noté, vous pouvez faire un nouveau signalement et y mentionner le précédent.

## Error pages
error-code = Erreur { $code }
error-home = Aller à la page d’accueil
error-400-title = Quelque chose n’allait pas dans cette demande
error-400-body = La page n’a pas pu comprendre ce qui a été envoyé. Revenez en arrière, vérifiez ce que vous avez saisi et réessayez.
error-403-title = Vous ne pouvez pas ouvrir cette page
error-403-body = Votre compte ne donne pas accès à cette page. Si vous pensez qu’il le devrait, adressez-vous à un administrateur ou à une administratrice.
error-404-title = Page introuvable
error-404-body = Il n’y a rien à cette adresse. Vérifiez le lien ou recommencez à partir de la page d’accueil.
error-405-title = Cette adresse n’accepte pas ce type de requête
error-405-body = Utilisez les liens et les boutons des pages de Haven, ou recommencez à partir de la page d’accueil.
error-408-title = Cela a pris trop de temps
error-408-body = Ce que vous envoyiez a mis trop de temps à arriver : rien n’a donc été enregistré. Vérifiez votre connexion et réessayez; si elle est lente, joignez moins de fichiers ou des fichiers plus petits.
error-413-title = Trop volumineux
error-413-body = Ce que vous avez envoyé dépasse la taille acceptée (fichiers : jusqu’à 10 Mo chacun, 25 Mo au total, 10 fichiers). Rien n’a été enregistré. Revenez en arrière et envoyez des fichiers plus petits ou moins nombreux.
error-429-title = Trop de tentatives
error-429-body = Veuillez attendre quelques minutes avant de réessayer.
error-500-title = Un problème est survenu de notre côté
error-500-body = Ce problème n’a pas été causé par quelque chose que vous avez fait. Si vous envoyiez un signalement, il n’a pas été enregistré : veuillez réessayer dans quelques minutes.
error-503-title = Haven est momentanément indisponible
error-503-body = Nous n’avons pas pu joindre notre base de données : rien n’a donc été enregistré. Veuillez réessayer dans une minute : votre signalement compte pour nous.
error-csrf-title = Ce formulaire a expiré
error-csrf-body = Pour votre sécurité, les formulaires ne sont valides que pendant un temps limité, et seulement sur ce site. Revenez en arrière, rechargez la page et envoyez le formulaire de nouveau.

## Staff: sign-in
login-title = Connexion du personnel
login-email = Adresse courriel
login-password = Mot de passe
login-totp = Code à usage unique (facultatif)
login-totp-hint = Laissez ce champ vide : on vous demandera ensuite votre clé d’accès ou un code. Ou entrez le code à six chiffres de votre application d’authentification, ou l’un de vos codes de récupération.
login-submit = Se connecter
login-failed = L’adresse courriel ou le mot de passe est incorrect, ou le compte n’est pas actif. Réessayez.
login-signed-out = Votre session est fermée.
login-password-set = Votre mot de passe est défini. Vous pouvez maintenant vous connecter.
login-throttled = { $minutes ->
    [one] Trop de tentatives de connexion infructueuses. Attendez 1 minute, puis réessayez. Si vous avez oublié votre mot de passe, demandez un lien de réinitialisation à un administrateur ou à une administratrice.
   *[other] Trop de tentatives de connexion infructueuses. Attendez { $minutes } minutes, puis réessayez. Si vous avez oublié votre mot de passe, demandez un lien de réinitialisation à un administrateur ou à une administratrice.
}

## Staff: account
account-title = Votre compte
account-email = Adresse courriel
account-role = Rôle
account-organisation = Organisme partenaire
account-session-idle = { $minutes ->
    [one] Votre session se ferme après 1 minute d’inactivité.
   *[other] Votre session se ferme après { $minutes } minutes d’inactivité.
}
role-staff-admin = Administrateur ou administratrice
role-staff-caseworker = Intervenant ou intervenante
role-staff-liaison = Agent ou agente de liaison

## Staff: queue and case
queue-title = Dossiers
queue-total = { $count ->
    [one] { $count } dossier au total
   *[other] { $count } dossiers au total
}
queue-empty = Il n’y a encore aucun dossier.
queue-pages = Pages de dossiers
col-reference = Référence
col-received = Reçu le
col-status = État
col-risk = Risque
col-kinds = Types
col-community = Communauté
col-province = Province
source-phone = Par téléphone
source-web = Formulaire en ligne
status-new = Nouveau
status-triaged = Trié
status-in-progress = En cours
status-referred = Aiguillé
status-closed = Fermé
risk-routine = Courant
risk-elevated = Élevé
risk-urgent = Urgent
case-title = Dossier { $reference }
case-heading = Dossier
case-immediate-danger = La personne qui a fait le signalement a dit être en danger immédiat.
case-source = Reçu par
case-language = Langue du formulaire
case-report = Signalement
case-evidence = Preuves
case-no-evidence = Aucun fichier n’a été joint.
case-evidence-warning = Les fichiers sont téléchargés, jamais ouverts dans le navigateur. Ouvrez-les sur un appareil réservé à ce travail.
size-kib = { $kib } KiB
account-profile = Profil
account-display-name = Nom affiché
account-language = Langue des pages du personnel et des courriels
account-language-hint = Les courriels qui vous sont destinés sont rédigés dans cette langue.
account-save = Enregistrer
account-done-profile = Votre profil est enregistré.
account-duty = De garde
account-duty-on = Vous êtes de garde : vous recevez un courriel quand un dossier urgent arrive.
account-duty-off = Vous n’êtes pas de garde.
account-duty-start = Commencer la garde
account-duty-stop = Terminer la garde
account-done-duty = Votre statut de garde est modifié.
account-totp = Authentification à deux facteurs
account-totp-on = Activée
account-totp-off = Désactivée
account-totp-manage = gérer

## Staff: queue filters and triage
queue-all = Tous ({ $count })
queue-by-status = Dossiers par état
queue-filters = Filtrer les dossiers
queue-first-page = Première page
queue-next-page = Page suivante
col-assignee = Attribué à
filter-any = Tous
filter-kind = Type
filter-me = Moi
filter-nobody = Personne
filter-from = Reçu à partir du
filter-to = Reçu jusqu’au
filter-sort = Ordre
filter-apply = Appliquer
filter-clear = Effacer les filtres
sort-newest = Plus récents d’abord
sort-oldest = Plus anciens d’abord
sort-risk = Plus urgents d’abord
case-triage = Triage
case-move-to = Faire passer à
case-move = Changer l’état
case-set-risk = Définir le risque
case-assign = Attribuer
case-notes = Notes internes
case-notes-hint = Seul le personnel voit les notes; elles sont chiffrées comme le signalement.
case-no-notes = Aucune note pour l’instant.
case-new-note = Nouvelle note
case-add-note = Ajouter la note
case-timeline = Historique
case-done-status = L’état est modifié.
case-done-risk = Le niveau de risque est modifié.
case-done-assign = L’attribution est modifiée.
case-done-note = La note est ajoutée.
case-done-filed = Le signalement est enregistré.
case-done-message = Votre message est enregistré. La personne qui a fait le signalement le verra lorsqu’elle reviendra avec son reçu.
case-done-referred = Le dossier est aiguillé; l’organisme a reçu un courriel l’avisant que quelque chose l’attend.
case-error-transition = Ce dossier ne peut pas passer à cet état à partir de son état actuel. Choisissez l’un des états proposés.
case-error-changed = Quelqu’un d’autre vient de modifier ce dossier. Vérifiez son état ci-dessous et réessayez.
case-error-assignee = Les dossiers ne peuvent être attribués qu’aux intervenants, intervenantes, administrateurs et administratrices dont le compte est actif.
case-error-note-empty = Écrivez quelque chose dans la note avant de l’ajouter.
case-error-note-long = Cette note est trop longue : répartissez-la en plusieurs notes.
case-error-note-control = La note contient des caractères de contrôle invisibles (comme un octet NUL), qui ne peuvent pas être acceptés. Saisissez-la de nouveau et enregistrez.
timeline-system = Personne ayant fait le signalement, ou système
timeline-filed = signalement enregistré
timeline-status = état modifié
timeline-risk = risque modifié
timeline-assigned = attribué à
timeline-unassigned = attribution retirée
timeline-note = note ajoutée
timeline-referred = aiguillé vers
timeline-message-to = message à la personne qui a fait le signalement
timeline-message-from = message de la personne qui a fait le signalement
timeline-evidence-added = la personne qui a fait le signalement a ajouté des preuves
timeline-deletion-requested = la personne qui a fait le signalement a demandé sa suppression
timeline-deletion-cancelled = la personne qui a fait le signalement a retiré sa demande de suppression
timeline-referral-accepted = aiguillage accepté par
timeline-referral-declined = aiguillage refusé par
timeline-referral-update = mise à jour de

## Staff: intake by phone
intake-phone-link = Recevoir un signalement par téléphone
intake-title = Recevoir un signalement par téléphone
intake-intro = Saisissez le signalement de la personne tel qu’elle le raconte. Seule la description de ce qui s’est passé est obligatoire. À la fin, lisez-lui la référence et le reçu.
intake-submit = Enregistrer le signalement
intake-done-title = Signalement enregistré
intake-done-read-out = Lisez maintenant la référence et le reçu à la personne, lentement, et demandez-lui de noter les deux.
intake-done-once = Le reçu n’est pas conservé et ne sera plus affiché.
intake-open-case = Ouvrir le dossier

## Staff: statistics
stats-title = Statistiques
stats-intro = Chiffres tirés des signalements dont les auteurs ont accepté qu’ils figurent dans des statistiques anonymes.
stats-suppression = Les nombres inférieurs à { $n } ne sont jamais affichés, afin que personne ne puisse être identifié; lorsqu’un nombre masqué pourrait être retrouvé par soustraction, d’autres nombres sont aussi masqués, jusqu’à ce qu’aucun ne puisse l’être.
stats-total = { $count ->
    [one] { $count } signalement avec consentement
   *[other] { $count } signalements avec consentement
}
stats-total-small = { $n ->
    [one] Moins de { $n } signalement avec consentement
   *[other] Moins de { $n } signalements avec consentement
}
stats-download = Télécharger en format CSV
stats-by-kind = Par type d’incident
stats-by-community = Par communauté
stats-by-province = Par province ou territoire
stats-by-month = Par mois de réception
stats-category = Catégorie
stats-count = Signalements
stats-not-stated = Non précisé
stats-suppressed = moins de { $n }
stats-empty = Aucun signalement avec consentement pour l’instant.

## Staff: two-factor sign-in
totp-title = Authentification à deux facteurs
totp-intro = Une application d’authentification sur votre téléphone affiche un nouveau code à six chiffres toutes les 30 secondes. Lorsque vous vous connectez, vous entrez le code affiché.
totp-start = Configurer une application d’authentification
totp-step-app = Installez une application d’authentification sur votre téléphone (par exemple FreeOTP, Aegis ou Google Authenticator).
totp-step-scan = Balayez ce code avec l’application, ou saisissez-y la clé ci-dessous.
totp-qr-alt = Code QR à balayer avec votre application d’authentification
totp-manual = Clé à saisir à la main :
totp-step-confirm = Entrez le code à six chiffres que l’application affiche maintenant
totp-confirm = Activer l’authentification à deux facteurs
totp-enabled = L’application d’authentification est activée.
totp-current-code = Code actuel à six chiffres
totp-new-codes = Générer de nouveaux codes de récupération
totp-disable = Désactiver l’application d’authentification
totp-done-off = L’application d’authentification est désactivée : ses codes ne permettent plus de vous connecter.
totp-codes-title = Vos codes de récupération
totp-codes-once = Chaque code vous permet de vous connecter une fois sans votre téléphone. Notez-les ou imprimez-les, et gardez-les en lieu sûr : ils ne sont affichés que maintenant.
totp-codes-done = Je les ai conservés
totp-admin-required = Les administrateurs et administratrices doivent utiliser l’authentification à deux facteurs. Configurez-la pour continuer.
totp-required = L’authentification à deux facteurs est obligatoire pour tous les comptes du personnel. Configurez-la pour continuer.
totp-error-code = Ce code est incorrect. Vérifiez l’heure de votre téléphone et entrez le code affiché maintenant.
totp-error-admin = Les administrateurs et administratrices doivent garder l’authentification à deux facteurs activée : ajoutez un autre second facteur (une clé d’accès ou l’application d’authentification) avant de retirer celui-ci.
totp-error-required = L’authentification à deux facteurs est obligatoire pour tous les comptes du personnel : ajoutez un autre second facteur (une clé d’accès ou l’application d’authentification) avant de retirer celui-ci.

## Staff: passwords
password-title = Choisissez votre mot de passe
password-rules = Utilisez au moins 15 caractères : quelques mots sans lien entre eux font un bon mot de passe. Toutes les langues et tous les caractères sont acceptés.
password-new = Nouveau mot de passe
password-confirm = Le même mot de passe, encore une fois
password-submit = Définir le mot de passe
password-mismatch = Les deux mots de passe ne sont pas identiques. Saisissez-les de nouveau.
password-too-short = Ce mot de passe est trop court : utilisez au moins 15 caractères.
password-too-long = Ce mot de passe est trop long : utilisez au plus 256 caractères.
password-too-common = Ce mot de passe est trop courant ou trop simple (il figure dans des listes de mots de passe divulgués, ou répète un motif). Choisissez-en un autre.
password-link-gone = Ce lien a déjà été utilisé ou a expiré. Demandez-en un nouveau à un administrateur ou à une administratrice.

## Staff: accounts (administrators)
admin-users-title = Comptes du personnel
admin-state = État
admin-active = Actif
admin-inactive = Désactivé
admin-on-duty = de garde
admin-no-password = pas encore de mot de passe
admin-new-user = Nouveau compte
admin-organisation-for-liaison = Organisme partenaire (agents et agentes de liaison seulement)
admin-create = Créer le compte
admin-actions = Actions
admin-deactivate = Désactiver (ferme immédiatement toutes les sessions)
admin-reactivate = Réactiver
admin-send-reset = Envoyer un lien de réinitialisation du mot de passe
admin-change-role = Changer le rôle
admin-done-created = Le compte est créé. Un lien pour définir son mot de passe a été envoyé par courriel à la personne titulaire du compte.
admin-done-reset = Un nouveau lien de mot de passe a été envoyé par courriel; les liens précédents ne fonctionnent plus.
admin-done-active = L’état du compte est modifié.
admin-done-role = Le rôle est modifié; les sessions du compte ont été fermées.
admin-done-duty = Le statut de garde est modifié.
admin-link-explain = Si le courriel ne fonctionne pas, transmettez ce lien à usage unique à la personne titulaire du compte par un moyen sûr. Il expire dans 48 heures.
admin-error-email = Entrez une adresse courriel valide.
admin-error-role = Choisissez un rôle.
admin-error-organisation = Seuls les agents et agentes de liaison ont un organisme partenaire, et ils doivent en avoir un. Faites votre choix en conséquence.
admin-error-exists = Un compte existe déjà avec cette adresse courriel.
admin-error-official-body = C’est un organisme officiel, pas un organisme partenaire : les organismes officiels n’ont pas d’agents ou d’agentes de liaison. Choisissez un organisme partenaire, ou un autre rôle.
admin-error-self = Vous ne pouvez pas désactiver votre propre compte ni vous retirer votre propre rôle d’administrateur ou d’administratrice.

## Emails (never any report content)
mail-footer = Ce message a été envoyé par Haven. Il ne contient aucun détail sur les dossiers; connectez-vous pour les consulter.
mail-urgent-case-subject = Un dossier urgent attend dans Haven
mail-urgent-case-body = Un dossier marqué urgent — danger immédiat possible — attend une personne intervenante.
mail-urgent-case-link = Connectez-vous pour voir les dossiers urgents
mail-welcome-subject = Votre compte Haven
mail-welcome-body = Un compte a été créé pour vous dans Haven. Choisissez votre mot de passe au moyen du lien ci-dessous; il ne fonctionne qu’une fois et expire dans 48 heures.
mail-welcome-link = Choisir votre mot de passe
mail-password-reset-subject = Réinitialisation de votre mot de passe Haven
mail-password-reset-body = Un administrateur ou une administratrice vous a envoyé un lien pour définir un nouveau mot de passe. Il ne fonctionne qu’une fois et expire dans 48 heures. Si vous ne vous y attendiez pas, prévenez votre administrateur ou administratrice.
mail-password-reset-link = Définir un nouveau mot de passe

## Referrals
referral-heading = Aiguillages vers des organismes partenaires
referral-intro = Choisissez un ou plusieurs organismes et écrivez, pour chacun, ce qu’il a besoin de savoir. Les organismes ne voient que ce que vous écrivez ici — jamais le signalement, les coordonnées ni les preuves.
referral-summary = Résumé pour cet organisme
referral-summary-hint = N’indiquez que ce dont l’organisme a besoin pour aider, et seulement ce que la personne qui a fait le signalement accepterait de communiquer.
referral-submit = Aiguiller le dossier
referral-no-consent = La personne qui a fait le signalement n’a pas consenti à l’aiguillage : ce dossier ne peut donc pas être aiguillé.
referral-no-groups = Il n’y a aucun organisme partenaire actif. Un administrateur ou une administratrice peut en ajouter sous « Destinataires ».
referral-status-pending = En attente d’une réponse
referral-status-accepted = Accepté
referral-status-declined = Refusé
referral-decline-reason = Motif indiqué :
referral-error-consent = La personne qui a fait le signalement n’a pas consenti à l’aiguillage : Haven n’aiguillera pas ce dossier.
referral-error-group = Choisissez au moins un organisme partenaire actif.
referral-error-summary = Écrivez un résumé pour chaque organisme choisi (10 000 caractères au plus). Les caractères de contrôle invisibles (comme un octet NUL) ne peuvent pas être acceptés.
referral-error-already = Ce dossier est déjà aiguillé vers l’un de ces organismes.
referral-error-decided = Une réponse a déjà été donnée à cet aiguillage.
referral-error-not-accepted = Acceptez l’aiguillage avant de publier des mises à jour.
referral-error-text = Écrivez quelque chose (10 000 caractères au plus). Les caractères de contrôle invisibles (comme un octet NUL) ne peuvent pas être acceptés.
referrals-title = Aiguillages pour votre organisme
referrals-intro = Chaque aiguillage ne contient que le résumé qu’une personne intervenante a rédigé pour votre organisme.
referrals-empty = Aucun aiguillage pour l’instant.
referrals-received = Reçu le
referrals-updated = Dernière modification
referral-title = Aiguillage
referral-summary-only = C’est tout ce qui a été communiqué à votre organisme.
referral-decide = Votre réponse
referral-accept = Accepter
referral-reason = Pourquoi votre organisme refuse (obligatoire; communiqué à la personne intervenante)
referral-decline = Refuser
referral-updates = Mises à jour
referral-no-updates = Aucune mise à jour pour l’instant.
referral-new-update = Nouvelle mise à jour pour la personne intervenante
referral-update-hint = La personne intervenante est avisée par courriel qu’il y a une mise à jour; la mise à jour elle-même reste dans Haven.
referral-post-update = Publier la mise à jour
referral-done-accept = Vous avez accepté cet aiguillage : votre organisme prend le dossier en charge. La personne intervenante en a été informée. Publiez vos mises à jour ci-dessous pour la tenir au courant.
referral-done-decline = Vous avez refusé cet aiguillage. Votre motif a été communiqué à la personne intervenante, qui pourra aiguiller le dossier vers un autre organisme.
referral-done-update = Votre mise à jour est publiée. La personne intervenante en a été informée.

## Recipients: partner groups and official bodies (administrators)
groups-title = Destinataires
groups-intro = Ceux avec qui un dossier peut être partagé, et seulement avec le consentement de la personne qui l’a signalé : les organismes partenaires, dont les agents et agentes de liaison se connectent à Haven, et les organismes officiels (police, sécurité nationale, juridique, autre), qui ne se connectent jamais. Un destinataire sans clé publique age reçoit seulement l’avis qu’un dossier a été partagé, jamais son contenu.
groups-empty = Aucun destinataire pour l’instant.
group-new = Nouveau destinataire
group-name = Nom
group-emails = Adresses courriel
group-emails-hint = Une par ligne. Haven leur écrit seulement que quelque chose les attend ou a été partagé avec eux, jamais de quoi il s’agit.
group-communities = Communautés servies
group-language = Langue des courriels du destinataire
group-active = Actif (peut recevoir des aiguillages et des dossiers partagés)
group-create = Créer le destinataire
group-liaisons = Agents et agentes de liaison
group-no-liaisons = Aucun compte d’agent ou d’agente de liaison pour l’instant.
group-add-liaison = Ajouter un agent ou une agente de liaison (choisissez cet organisme au moment de créer le compte)
group-done-created = Le destinataire est créé.
group-done-saved = Le destinataire est enregistré.
group-error-name = Donnez au destinataire un nom de 200 caractères au plus, sans caractères de contrôle ni caractères invisibles.
group-error-email = Indiquez au moins une adresse courriel, une par ligne; chacune doit être une adresse valide.
group-error-community = Choisissez les communautés dans la liste.
group-error-exists = Un organisme partenaire ou un organisme officiel portant ce nom existe déjà. Choisissez un autre nom, ou ouvrez celui qui existe depuis la liste.
recipient-kind = Type
recipient-kind-hint = Les organismes partenaires ont des agents et agentes de liaison, qui se connectent à Haven et reçoivent des aiguillages. Les organismes officiels n’en ont pas et ne se connectent jamais. Les corps policiers et les organismes de sécurité nationale ne reçoivent un dossier que si la personne a consenti à le communiquer aux forces de l’ordre; les organismes partenaires, juridiques et autres, que si elle a consenti à l’aiguillage.
recipient-kind-partner = Organisme partenaire
recipient-kind-police = Police
recipient-kind-national-security = Sécurité nationale
recipient-kind-legal = Juridique
recipient-kind-other = Autre organisme officiel
recipient-communities-hint = Organismes partenaires seulement : ne cochez rien pour un organisme officiel.
recipient-age-key = Clé publique age (facultative)
recipient-age-key-hint = La clé publique que le destinataire vous a envoyée : elle commence par age1 (age-keygen l’affiche après « public key: »). Jamais sa clé secrète. Sans clé, le destinataire reçoit seulement l’avis qu’un dossier a été partagé, jamais son contenu; dans ce cas, laissez le champ vide.
recipient-key = Clé age
recipient-key-none = Aucune clé : avis seulement
recipient-official-no-liaisons = Les organismes officiels n’ont pas d’agents ou d’agentes de liaison et ne se connectent jamais à Haven. Leurs adresses sont seulement avisées par courriel qu’un dossier a été partagé avec eux, jamais de son contenu.
recipient-error-kind = Choisissez un type dans la liste.
recipient-error-communities = Seuls les organismes partenaires servent des communautés. Décochez les communautés, ou choisissez le type « Organisme partenaire ».
recipient-error-kind-change = Un organisme partenaire reste un organisme partenaire, et un organisme officiel reste un organisme officiel. Pour changer cela, créez un nouveau destinataire.
recipient-error-secret-key = Ceci est une clé secrète (elle commence par AGE-SECRET-KEY-) : elle n’a pas été enregistrée, et elle doit rester uniquement chez le destinataire. Demandez-lui sa clé publique, qui commence par age1. S’il vous a envoyé sa clé secrète par courriel ou par messagerie, demandez-lui de créer une nouvelle paire de clés.
recipient-error-age-key = Ceci n’est pas une clé publique age; rien n’a été enregistré. Une clé publique commence par age1 et compte 62 lettres et chiffres : collez-la de nouveau, en entier. Ou laissez le champ vide : le destinataire recevra alors seulement l’avis qu’un dossier a été partagé.
recipient-done-key = Le destinataire est enregistré avec sa nouvelle clé age : ce qui sera partagé avec lui désormais sera chiffré avec cette clé.
recipient-done-key-removed = Le destinataire est enregistré sans clé age : désormais, il recevra seulement l’avis qu’un dossier a été partagé.

## Outbox (administrators)
outbox-title = Boîte d’envoi
outbox-intro = Tous les courriels envoyés par Haven passent par ici. Les messages en échec ont fait l’objet de plusieurs tentatives, avec une attente plus longue chaque fois.
outbox-by-status = Messages par état
outbox-pending = En attente
outbox-sent = Envoyé
outbox-failed = En échec
outbox-empty = Aucun message.
outbox-created = Rédigé le
outbox-recipient = Destinataire
outbox-kind = Message
outbox-attempts = Tentatives
outbox-last-error = Dernière erreur
outbox-next = prochaine tentative
outbox-retry = Réessayer
outbox-done-retry = Le message est remis en file d’attente et sera envoyé sous peu.
outbox-template-urgent-case = Dossier urgent en attente
outbox-template-welcome = Nouveau compte
outbox-template-password-reset = Réinitialisation du mot de passe
outbox-template-referral-waiting = Aiguillage en attente
outbox-template-referral-answered = Réponse à un aiguillage
outbox-template-referral-withdrawn = Aiguillage retiré

## Referral emails (never any report content)
mail-referral-waiting-subject = Un aiguillage destiné à { $group } attend dans Haven
mail-referral-waiting-body = Une personne intervenante a aiguillé un dossier vers { $group }. Connectez-vous à Haven pour lire ce qu’elle a écrit à votre intention et pour répondre.
mail-referral-waiting-link = Connectez-vous pour voir vos aiguillages
mail-referral-answered-subject = { $group } a répondu à un aiguillage dans Haven
mail-referral-answered-body = { $group } a répondu ou publié une mise à jour au sujet d’un dossier que vous avez aiguillé. Connectez-vous pour en prendre connaissance.
mail-referral-answered-link = Connectez-vous pour voir vos dossiers
mail-waiting-subject = Quelque chose vous attend peut-être dans Haven
mail-waiting-body = Haven envoie ce message à heures fixes. Quelque chose vous attend peut-être — un message, une réponse ou un aiguillage. Connectez-vous pour le voir.
mail-waiting-link = Se connecter à Haven

## Follow-up by receipt (reporters)
follow-up-title = Suivre votre signalement
follow-up-intro = Entrez la référence du dossier et le reçu secret qu’on vous a donnés quand vous avez fait votre signalement. Vous verrez les messages des personnes intervenantes, et vous pourrez répondre, ajouter des preuves ou nous demander de supprimer votre signalement.
follow-up-reference-hint = Par exemple : K7M3-Q9PX. En majuscules ou en minuscules, avec ou sans le trait d’union.
follow-up-receipt-hint = Les 20 chiffres, avec ou sans espaces.
follow-up-open = Ouvrir mon signalement
follow-up-wrong = La référence ou le reçu est incorrect. Vérifiez les deux, puis réessayez.
follow-up-held = Trop de tentatives avec cette référence ou depuis cette connexion. Attendez quelques secondes, puis réessayez.
follow-up-left = Vous avez quitté votre signalement. Fermez cette fenêtre si d’autres personnes utilisent cet appareil.
follow-up-expired = Pour votre sécurité, votre visite a pris fin après un moment sans activité. Entrez de nouveau votre référence et votre reçu.
follow-up-case-title = Votre signalement
follow-up-status = Où en est votre signalement
follow-up-received = Reçu le { $date }.
reporter-status-new = Reçu. Une personne intervenante le lira bientôt.
reporter-status-triaged = Une personne intervenante a lu votre signalement.
reporter-status-in-progress = Une personne intervenante s’occupe de votre dossier.
reporter-status-referred = Avec votre accord, votre dossier a été confié à un organisme communautaire qui peut vous aider.
reporter-status-closed = Votre dossier est fermé. Vous pouvez quand même envoyer un message s’il se passe quelque chose de nouveau.
follow-up-messages = Messages
follow-up-no-messages = Aucun message pour l’instant. Une personne intervenante pourrait vous écrire ici; revenez vérifier.
follow-up-from-you = Vous
follow-up-from-caseworker = Personne intervenante
follow-up-reply = Votre message
follow-up-send = Envoyer le message
follow-up-evidence = Ajouter des preuves
follow-up-files = { $count ->
    [one] { $count } fichier a été reçu avec votre signalement.
   *[other] { $count } fichiers ont été reçus avec votre signalement.
}
follow-up-add-evidence = Envoyer les fichiers
follow-up-delete-title = Supprimer votre signalement
follow-up-delete-explain = { $hours ->
    [one] Si vous le demandez, votre signalement, vos messages et vos fichiers seront supprimés définitivement après 1 heure. D’ici là, vous pouvez changer d’idée sur cette page.
   *[other] Si vous le demandez, votre signalement, vos messages et vos fichiers seront supprimés définitivement après { $hours } heures. D’ici là, vous pouvez changer d’idée sur cette page.
}
follow-up-delete = Supprimer mon signalement
follow-up-deletion-pending-title = Votre signalement sera supprimé
follow-up-deletion-pending = Votre signalement et tout ce qui s’y rattache seront supprimés définitivement le { $date }. Si vous ne le vouliez pas, ou si quelqu’un vous l’a imposé, vous pouvez conserver votre signalement.
follow-up-keep = Conserver mon signalement
follow-up-leave = Quitter et oublier cette visite
follow-up-done-reply = Votre message est envoyé.
follow-up-done-evidence = Vos fichiers ont bien été reçus.
follow-up-done-deletion = Votre signalement sera supprimé.
follow-up-done-kept = Votre signalement sera conservé.
follow-up-error-message = Écrivez d’abord un message (10 000 caractères au plus).
follow-up-error-no-file = Choisissez au moins un fichier à envoyer.
follow-up-error-evidence-cap = Ce dossier contient déjà autant de fichiers qu’il peut en recevoir (au plus 30 fichiers et 100 Mo en tout) : rien n’a donc été ajouté. Vous pouvez décrire d’autres preuves dans un message.

## Staff: messages with the reporter, deletion requests
case-messages = Messages avec la personne qui a fait le signalement
case-messages-hint = Haven ne communique jamais avec la personne qui a fait le signalement : elle lit vos messages lorsqu’elle revient avec son reçu.
case-no-messages = Aucun message pour l’instant.
case-from-reporter = Personne ayant fait le signalement
case-new-message = Message à la personne qui a fait le signalement
case-send-message = Envoyer le message
case-error-message = Écrivez d’abord un message (10 000 caractères au plus). Les caractères de contrôle invisibles (comme un octet NUL) ne peuvent pas être acceptés.
case-deletion-requested = La personne qui a fait le signalement a demandé sa suppression. Il sera supprimé définitivement le { $date }, à moins qu’elle ne retire sa demande.
case-delete-now = Le supprimer maintenant
case-error-no-deletion = La personne qui a fait le signalement n’a pas demandé la suppression de ce signalement.

## Audit log (administrators)
audit-title = Journal d’audit
audit-intro = Chaque consultation et chaque modification d’un dossier, d’un aiguillage, d’un compte ou d’un paramètre par le personnel : qui, quoi et quand. Les entrées ne peuvent être ni modifiées ni supprimées, et chacune est liée à la précédente par un hachage, ce qui rend toute falsification visible.
audit-total = { $count ->
    [one] { $count } entrée au total
   *[other] { $count } entrées au total
}
audit-filters = Filtrer le journal d’audit
audit-actor = Qui (adresse courriel)
audit-action = Action (ou son début)
audit-target-type = Type d’élément
audit-target-id = Son identifiant
audit-target = Quoi
audit-detail = Détail
audit-when = Quand
audit-empty = Aucune entrée ne correspond.
audit-verify = Vérifier la chaîne
audit-intact = { $count ->
    [one] La chaîne est intacte : { $count } entrée, qui correspond à son hachage.
   *[other] La chaîne est intacte : { $count } entrées, chacune correspondant à son hachage et faisant suite à la précédente.
}
audit-altered = L’entrée { $n } a été modifiée après son enregistrement. Considérez cette base de données comme compromise et avisez la personne responsable de la sécurité.
audit-missing = Des entrées ont été supprimées juste avant l’entrée { $n }. Considérez cette base de données comme compromise et avisez la personne responsable de la sécurité.
audit-checkpoint = Point de contrôle (facultatif)
audit-checkpoint-hint = Une ligne affichée par « haven audit checkpoint », ou ici lors d’une vérification précédente. La vérification montre alors aussi si des entrées ont été supprimées jusqu’à ce point.
audit-checkpoint-invalid = Point de contrôle : ceci n’est pas un point de contrôle. Collez la ligne entière : un nombre, un deux-points et 64 caractères hexadécimaux.
audit-filter-invalid = { $field } ne peut pas contenir de caractères de contrôle (comme un octet NUL). Retirez-les et filtrez de nouveau.
audit-head = Point de contrôle de l’entrée la plus récente. Gardez-en une copie hors de Haven et de ses sauvegardes ; une vérification ultérieure par rapport à lui montrera si des entrées ont été supprimées :
audit-unkeyed = { $count ->
    [one] L’unique entrée n’est pas signée avec la clé d’audit de ce serveur : les signatures de la chaîne ont été retirées, ou ce fichier de clés n’est pas celui qui l’a signée. Considérez cette base de données comme compromise et avisez la personne responsable de la sécurité.
   *[other] Aucune des { $count } entrées n’est signée avec la clé d’audit de ce serveur : les signatures de la chaîne ont été retirées, ou ce fichier de clés n’est pas celui qui l’a signée. Considérez cette base de données comme compromise et avisez la personne responsable de la sécurité.
}
audit-truncated = L’entrée { $n } du point de contrôle est absente : les entrées les plus récentes ont été supprimées. Considérez cette base de données comme compromise et avisez la personne responsable de la sécurité.
audit-diverged = L’entrée { $n } ne correspond plus au point de contrôle : des entrées jusqu’à ce point ont été supprimées ou réécrites, ou le point de contrôle provient d’une autre base de données. Considérez cette base de données comme compromise et avisez la personne responsable de la sécurité.

# People's keys (accounts)
recovery-title = Votre clé de récupération
recovery-what = Votre compte a ses propres clés, qui ouvrent les signalements que vous pouvez lire. Votre mot de passe les verrouille. Cette clé de récupération les ouvre aussi, si vous oubliez un jour votre mot de passe.
recovery-shown-once = Elle n’est affichée que maintenant : Haven n’en garde aucune copie et ne peut pas la montrer de nouveau.
recovery-keep = Imprimez-la ou notez-la sur papier, et gardez-la en lieu sûr, loin de cet ordinateur. Ne la gardez pas dans un fichier, un courriel ou une photo sur cet ordinateur ou votre téléphone.
recovery-without = Sans elle, un mot de passe oublié signifie une réinitialisation qui vous donne de nouvelles clés, et vous ne pourrez plus ouvrir de signalement tant qu’un ou une collègue qui détient les clés de l’équipe ne se sera pas connecté·e pour vous redonner l’accès.
recovery-replaced = Votre mot de passe a été réinitialisé sans votre clé de récupération : votre compte a donc de nouvelles clés. Vous pouvez vous connecter, mais vous ne pourrez ouvrir aucun signalement tant qu’un ou une collègue qui détient les clés de l’équipe ne se sera pas connecté·e pour vous redonner l’accès.
recovery-print = Imprimer
recovery-continue = Je l’ai mise en lieu sûr : continuer
password-recovery-key = Clé de récupération (si vous l’avez)
password-recovery-key-with = Si vous avez la clé de récupération reçue lors de la création des clés de votre compte, saisissez-la : vos clés sont conservées et votre accès reste le même.
password-recovery-key-without = Sans elle, votre compte reçoit de nouvelles clés, et vous ne pourrez ouvrir aucun signalement tant qu’un ou une collègue qui détient les clés de l’équipe ne se sera pas connecté·e pour vous redonner l’accès.
password-recovery-key-wrong = Cette clé de récupération n’ouvre pas les clés de ce compte : rien n’a été modifié. Vérifiez-la (lettres et chiffres en groupes de cinq) et réessayez, ou laissez le champ vide pour recevoir de nouvelles clés. Ce lien fonctionne toujours.
login-password-set-kept = Votre mot de passe est défini et vos clés sont conservées : votre accès est inchangé. Vous pouvez maintenant vous connecter.
login-password-set-replaced = Votre mot de passe est défini et votre compte a de nouvelles clés. Une fois connecté·e, vous ne pourrez ouvrir aucun signalement tant qu’un ou une collègue qui détient les clés de l’équipe ne se sera pas connecté·e pour vous redonner l’accès.
account-password = Mot de passe
account-password-current = Mot de passe actuel
account-password-change = Changer le mot de passe
account-password-sessions = Le changer vous déconnecte partout ailleurs ; vous restez connecté·e ici.
account-password-wrong = Le mot de passe actuel n’est pas le bon : rien n’a été modifié. Saisissez-le de nouveau.
account-done-password = Votre mot de passe est changé et vous êtes déconnecté·e partout ailleurs. Vos clés sont conservées.
keys-label = Clés
keys-state-holds = Détenues : ouvre ce que le rôle permet
keys-state-waits-grant = En attente d’attribution : un ou une collègue qui détient la clé de l’équipe l’attribue à sa prochaine connexion
keys-state-waits-sign-in = En attente de sa première connexion : pas encore de clés
keys-admin-explain = Chaque compte ouvre les signalements avec ses propres clés. Un nouveau compte, ou un compte dont le mot de passe a été réinitialisé sans sa clé de récupération, attend qu’un ou une collègue qui détient les clés se connecte : l’attribution se fait alors.
keys-escrowed = Tant que chaque intervenant·e et chaque administrateur ou administratrice ne s’est pas connecté·e une fois, la clé de l’équipe est aussi conservée sous la clé maîtresse du serveur : d’ici là, une copie du serveur avec son fichier de clés pourrait l’ouvrir.
error-keys-title = Les clés de ce compte n’ont pas pu être ouvertes
error-keys-body = Vous êtes connecté·e, mais les signalements et tout ce qui y est scellé vous restent fermés ; les listes fonctionnent toujours. Si votre mot de passe a été réinitialisé sans votre clé de récupération, un ou une collègue qui détient les clés vous les attribue à sa prochaine connexion ; vous pouvez aussi demander un nouveau lien de réinitialisation et utiliser votre clé de récupération. Si vous pensez que quelqu’un d’autre a changé votre mot de passe, prévenez immédiatement un administrateur ou une administratrice.

# Linked cases
nav-links = Dossiers liés
case-done-link-confirmed = Le lien est confirmé.
case-done-link-dismissed = Le lien est écarté : ces deux dossiers ne sont plus comptés comme liés.
case-done-link-none = Ces dossiers ne partagent plus d’identifiant : rien n’a été enregistré. La page ci-dessous montre les liens tels qu’ils sont maintenant.
links-heading = Aussi nommé dans
links-none = Aucun autre dossier ne nomme un numéro de téléphone, une adresse, un compte ou une plaque de ce signalement.
links-hint = D’autres signalements nomment le même identifiant. Seuls les mots de ce signalement sont montrés ici. Confirmez un lien lorsque vous êtes convaincu qu’il s’agit du même auteur; écartez-le sinon.
links-received = reçu le { $date }
links-state-open = non décidé
links-state-confirmed = confirmé
links-state-dismissed = écarté
links-confirm = Confirmer le lien avec { $reference }
links-dismiss = Écarter le lien avec { $reference }
links-more = Dossiers non listés ici : { $n }. Voir tout le groupe.
links-see-group = Voir le groupe de dossiers liés de ce dossier
links-unavailable = Liens indisponibles : la clé des liens n’a pas pu être ouverte avec vos clés. Le reste du dossier est affiché. Un administrateur peut vérifier que votre compte a reçu les clés de l’équipe.
links-capped = { $n ->
    [one] Ce signalement nomme { $n } numéro, adresse, compte ou plaque. Seuls les 20 premiers le lient à d’autres dossiers, afin qu’un signalement qui en nomme beaucoup ne serve pas à savoir quels dossiers les nomment.
   *[other] Ce signalement nomme { $n } numéros, adresses, comptes ou plaques. Seuls les 20 premiers le lient à d’autres dossiers, afin qu’un signalement qui en nomme beaucoup ne serve pas à savoir quels dossiers les nomment.
}
identifier-phone = Numéro de téléphone
identifier-email = Adresse courriel
identifier-wechat = Compte WeChat
identifier-telegram = Compte Telegram
identifier-signal = Compte Signal
identifier-handle = Compte ou identifiant
identifier-plate = Plaque d’immatriculation
link-groups-title = Groupes de dossiers liés
link-groups-intro = Dossiers qui nomment le même numéro de téléphone, la même adresse, le même compte ou la même plaque, directement ou les uns par les autres; les liens écartés par un intervenant ne comptent pas. Les plus grands groupes d’abord, puis les plus récents.
link-groups-around = Le groupe du dossier { $reference }.
link-groups-all = Tous les groupes
link-groups-count = Groupes : { $n }
link-groups-empty = Aucun dossier n’est encore lié.
link-groups-cases = Dossiers : { $n }
link-groups-received = reçus
link-groups-state = Décisions
link-groups-confirmed = Liens confirmés : { $n }
link-groups-unconfirmed = Aucun lien confirmé pour l’instant
link-groups-show-more = Afficher plus de groupes

# Délais, activité, et qui a lu (la liste d’accès de la personne qui signale)
date-day = { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
follow-up-next-reply = Une intervenante ou un intervenant vous répondra sur cette page d’ici le { $date }.
follow-up-next-reply-late = Une intervenante ou un intervenant aurait dû vous répondre d’ici le { $date }. Nous sommes désolés de ce retard : votre signalement est en sécurité et attend d’être traité. Revenez bientôt.
follow-up-next-response = Une intervenante ou un intervenant vous a répondu. L’étape suivante — commencer à traiter votre signalement, ou le transmettre à un groupe communautaire si vous l’avez accepté — est prévue d’ici le { $date }.
follow-up-next-response-late = L’étape suivante était prévue d’ici le { $date }. Nous sommes désolés de ce retard ; une intervenante ou un intervenant vous écrira sur cette page.
follow-up-next-working = Une intervenante ou un intervenant s’occupe de votre signalement. Revenez sur cette page pour lire ses messages.
follow-up-access-title = Qui a ouvert votre signalement
follow-up-access-explain = Cette liste indique le rôle de la personne qui a ouvert votre signalement, jamais son nom, et les groupes communautaires avec lesquels il a été partagé, au jour près. Quiconque a votre référence et votre reçu peut la voir aussi.
follow-up-access-none = Personne n’a encore ouvert votre signalement.
follow-up-access-opened-caseworker = Ouvert par une intervenante ou un intervenant
follow-up-access-opened-admin = Ouvert par une administratrice ou un administrateur de Haven
follow-up-access-shared = Partagé avec { $group }
follow-up-access-accepted = Accepté par { $group }
sort-attention = À traiter d’abord
filter-linked = Seulement les dossiers liés à d’autres dossiers
col-deadline = Prochain délai
col-activity = Dernière activité de la personne
deadline-reply-due = Réponse attendue le { $date }
deadline-response-due = Suite attendue le { $date }
deadline-reply-overdue = { $days ->
    [0] Réponse en retard de moins d’un jour
    [one] Réponse en retard de 1 jour
   *[other] Réponse en retard de { $days } jours
}
deadline-response-overdue = { $days ->
    [0] Suite en retard de moins d’un jour
    [one] Suite en retard de 1 jour
   *[other] Suite en retard de { $days } jours
}
queue-unread = Nouveau de la personne
workload-title = Délais par intervenant·e
workload-caseworker = Intervenant·e
workload-due-soon = { $days ->
    [one] À échéance d’ici 1 jour
   *[other] À échéance d’ici { $days } jours
}
workload-overdue = En retard
workload-nobody = Non attribués
workload-explain = Chaque nom ouvre ses dossiers dans l’ordre où ils demandent de l’attention.
case-deadlines = Délais
case-deadline-ack = Premier message à la personne, attendu le { $date }
case-deadline-response = Première suite (en cours, transmis ou clos), attendue le { $date }
case-deadline-met = Respecté le { $date }
case-deadline-pending = Pas encore respecté
case-deadline-lapsed = Non respecté avant la clôture du dossier
case-deadline-overdue = { $days ->
    [0] En retard de moins d’un jour
    [one] En retard de 1 jour
   *[other] En retard de { $days } jours
}
case-unread = Nouveau de la personne depuis le { $date } : une réponse ou une pièce. L’ouverture du dossier par la personne attribuée (ou par quiconque, s’il n’est attribué à personne) le marque comme vu.
case-last-activity = Dernière réponse ou pièce de la personne : { $date }
link-groups-page = Dossiers listés à partir du numéro { $n }, les plus récents d’abord.
link-groups-previous = Dossiers précédents
link-groups-next = Dossiers suivants ({ $n } de plus)

## Packets: a case shared beyond Haven
packet-heading = Transmettre un paquet
packet-intro = Un paquet contient le signalement, les fichiers de preuve que vous choisissez et votre note d’accompagnement, chiffrés de sorte que seul son destinataire puisse l’ouvrir. Il ne contient jamais ni les coordonnées de la personne qui a fait le signalement, ni son reçu, ni les messages, ni les notes internes.
packet-recipient = Destinataire
packet-recipient-hint = Seuls sont affichés les destinataires que permettent les consentements donnés par la personne qui a fait le signalement. Un destinataire sans clé reçoit seulement un avis indiquant qu’un dossier lui a été communiqué.
packet-choose = Choisissez un destinataire
packet-notice-only = pas de clé : avis seulement
packet-cover = Note d’accompagnement
packet-cover-hint = Ce que le destinataire devrait lire en premier : pourquoi vous lui communiquez ce dossier et ce que vous lui demandez.
packet-evidence = Fichiers de preuve à inclure
packet-consent-online = Un accord de ce dossier a été donné sur la page de suivi de la personne, pas dans son signalement. Quiconque détient le reçu peut le faire : avant de transmettre, confirmez avec la personne dans Messages que c’était bien elle.
packet-never = Chaque paquet est consigné dans le journal d’audit, et la page de suivi de la personne qui a fait le signalement indique que son dossier a été communiqué, et à qui.
packet-build = Créer le paquet
packet-no-recipients = Aucun destinataire n’est encore configuré. Un administrateur ou une administratrice peut en ajouter sous « Destinataires ».
packet-no-consent = La personne qui a fait le signalement n’a consenti à la communication à aucun des destinataires configurés dans Haven.
packet-files = { $count ->
    [one] { $count } fichier de preuve
   *[other] { $count } fichiers de preuve
}
packet-open-page = Aller à la page de téléchargement
packet-status-ready = prêt à télécharger
packet-status-downloaded = téléchargé
packet-status-expired = expiré, supprimé
packet-status-notice = avis envoyé, pas de clé
packet-error-recipient = Choisissez un destinataire dans la liste.
packet-error-consent = La personne qui a fait le signalement n’a pas donné le consentement nécessaire pour ce destinataire : rien n’a donc été communiqué. Si elle le donne sur sa page de suivi, vous pourrez alors créer le paquet.
packet-error-referral = Un organisme partenaire reçoit les paquets au moyen d’un aiguillage. Aiguillez d’abord le dossier vers l’organisme, puis créez le paquet.
packet-error-cover = Rédigez une note d’accompagnement : un texte lisible, de 10 000 caractères au plus, sans caractères de contrôle.
packet-error-file = L’un des fichiers choisis ne fait pas partie de ce dossier. Rechargez la page et choisissez de nouveau.
case-done-packet-group = Le paquet a été créé. Les agents et agentes de liaison de l’organisme ont été avisés par courriel qu’un paquet est prêt; l’une de ces personnes peut le télécharger une seule fois, à partir de l’aiguillage, dans les 14 jours.
case-done-packet-notice = Ce destinataire n’a pas de clé : seul un avis indiquant qu’un dossier lui a été communiqué a été envoyé. Aucun élément du dossier n’a quitté Haven.
packet-title = Paquet
packet-back = Retour au dossier { $reference }
packet-done-built = Le paquet destiné à { $recipient } a été créé et chiffré avec sa clé. Téléchargez-le maintenant et transmettez-le-lui.
packet-built = Créé le
packet-contents = Contenu
packet-sha256 = Empreinte SHA-256 du fichier chiffré
packet-downloaded = Téléchargé le
packet-download-heading = Téléchargement
packet-download-once = { $minutes ->
   *[other] Vous pouvez télécharger ce paquet une seule fois, dans les { $minutes } minutes qui suivent sa création. Haven supprime ensuite le fichier.
}
packet-until = Disponible jusqu’au { $date }.
packet-download = Télécharger le paquet chiffré
packet-for-group = Ce paquet est destiné à un organisme partenaire : ses agents et agentes de liaison le téléchargent à partir de leur aiguillage.
packet-open-heading = Comment le destinataire l’ouvre
packet-open-deliver = Envoyez le fichier au destinataire par le moyen convenu avec lui. Il est chiffré avec sa clé : personne d’autre, pas même Haven, ne peut l’ouvrir.
packet-open-hint = Le destinataire l’ouvre avec sa clé secrète age :
packet-open-check = Il peut vérifier que le fichier est bien celui que Haven a créé et que rien n’y a été modifié :
packet-gone-title = Ce paquet ne peut plus être téléchargé
packet-gone-body = Un paquet se télécharge une seule fois, dans un délai fixé. Celui-ci a déjà été téléchargé ou son délai est écoulé, et Haven a supprimé le fichier. Si le destinataire en a encore besoin, créez un nouveau paquet à partir de la page du dossier.
packet-gone-back = Retour
packet-group-heading = Paquets pour votre organisme
packet-group-intro = Les personnes intervenantes de Haven ont communiqué ce dossier à votre organisme sous forme de paquet chiffré, que seule la clé age de votre organisme peut ouvrir. Une seule personne parmi vous peut le télécharger, une seule fois; Haven supprime ensuite le fichier.
packet-group-notice = { $date } : Haven a avisé votre organisme que ce dossier lui a été communiqué, mais votre organisme n’a pas de clé : aucun paquet n’a donc été créé. Demandez à un administrateur ou à une administratrice de Haven d’ajouter la clé publique age de votre organisme.
packet-group-built = Paquet créé le { $date }
packet-group-until = Disponible jusqu’au { $date }.
packet-doc-title = Haven : paquet de dossier
packet-doc-case = Dossier
packet-doc-recipient = Destinataire
packet-doc-confidential = Confidentiel. Communiqué avec le consentement de la personne qui a fait le signalement : ne le transmettez à personne d’autre sans consulter Haven au préalable.
packet-doc-report = Signalement { $reference }
packet-doc-intro = Reçu par Haven le { $date }. Les coordonnées de la personne qui a fait le signalement n’y figurent pas.
packet-custody-title = Chaîne de possession
packet-custody-report = Signalement reçu
packet-custody-exported = Exporté
packet-added-by-reporter = ajouté par la personne qui a fait le signalement
packet-added-by-staff = ajouté par une personne intervenante
mail-packet-ready-subject = Un paquet chiffré de Haven est prêt pour { $group }
mail-packet-ready-body = Les personnes intervenantes de Haven ont préparé un paquet chiffré pour { $group }. Ce courriel n’en contient rien. Les agents et agentes de liaison d’un organisme partenaire le téléchargent à partir de leur aiguillage dans Haven; un organisme officiel reçoit le fichier d’une personne intervenante. Ouvrez-le avec votre clé age.
mail-packet-ready-link = Aller à Haven
mail-case-shared-subject = Haven a communiqué un dossier à { $group }
mail-case-shared-body = Avec le consentement de la personne qui a fait le signalement, les personnes intervenantes de Haven ont communiqué un dossier à { $group }. Haven ne détient aucune clé de chiffrement pour vous : aucun élément du dossier n’a donc été envoyé, et une personne intervenante communiquera avec vous. Pour recevoir des paquets chiffrés, transmettez à Haven votre clé publique age.
mail-case-shared-link = Aller à Haven
mail-recipient-key-changed-subject = La clé de chiffrement de { $group } a été modifiée dans Haven
mail-recipient-key-changed-body = Une personne administratrice a ajouté, modifié ou retiré la clé age que Haven utilise pour chiffrer les paquets destinés à { $group }. Toutes les personnes administratrices reçoivent cet avis. Si vous ne vous y attendiez pas, vérifiez dès maintenant la page du destinataire et le journal d’audit : un paquet chiffré avec une mauvaise clé peut être ouvert par quiconque la détient.
mail-recipient-key-changed-link = Vérifier le destinataire
mail-admin-access-changed-subject = Un compte administrateur a changé dans Haven
mail-admin-access-changed-body = Une personne administratrice a été désactivée, ou un compte a obtenu ou perdu le rôle d’administration. Toutes les personnes administratrices reçoivent cet avis, de même que le compte concerné. Si vous ne vous y attendiez pas, vérifiez dès maintenant la page des comptes et le journal d’audit.
mail-admin-access-changed-link = Vérifier les comptes
mail-second-factor-changed-subject = Vos seconds facteurs ont changé dans Haven
mail-second-factor-changed-body = Une clé d’accès a été ajoutée à votre compte ou en a été retirée, l’application d’authentification a été activée ou désactivée, ou de nouveaux codes de récupération ont été générés. Si c’est vous qui l’avez fait, vous n’avez rien à faire. Sinon, prévenez dès maintenant un administrateur ou une administratrice : quelqu’un s’est peut-être connecté en se faisant passer pour vous.
mail-second-factor-changed-link = Vérifier vos seconds facteurs
packet-error-deletion = La personne qui a fait le signalement a demandé la suppression de ce dossier : plus rien n’en sort de Haven. Si elle annule sa demande sur sa page de suivi, vous pourrez alors préparer le paquet.
packet-group-accept-first = Acceptez l’aiguillage pour télécharger le paquet.

# Le consentement entre les mains de la personne qui signale : ce que voit
# chaque destinataire, la durée de conservation, les consentements et
# « Transmis à » sur la page de suivi.
consent-sees-referral = Ce qu’ils voient : un organisme communautaire partenaire voit un résumé rédigé pour lui par une personne intervenante. Il ne voit votre signalement lui-même ou vos fichiers que si une personne intervenante choisit de les lui transmettre, et vos coordonnées que si elle les écrit dans ce résumé. L’organisme reçoit seulement un courriel lui disant que quelque chose l’attend. Une autre personne qui peut vous aider, par exemple une avocate ou un avocat, recevrait un fichier chiffré qu’elle seule peut ouvrir, avec votre signalement, les fichiers choisis par la personne intervenante, une note de celle-ci, la liste de ces fichiers et la date d’arrivée dans Haven de votre signalement et de chaque fichier — jamais vos coordonnées.
consent-sees-police = Ce qu’ils voient : la police canadienne et les organismes canadiens de sécurité nationale (comme le Réseau info-sécurité nationale de la GRC) recevraient un fichier chiffré qu’eux seuls peuvent ouvrir, avec votre signalement, les fichiers choisis par une personne intervenante, une note rédigée par celle-ci, la liste de ces fichiers et l’heure d’arrivée dans Haven de votre signalement et de chaque fichier. Il ne contient jamais vos coordonnées. Une personne intervenante décide s’il faut l’envoyer; rien n’est envoyé automatiquement.
consent-sees-stats = Ce qu’ils voient : uniquement des nombres — combien de signalements par type, communauté, province et mois — montrés au personnel de Haven et utilisés pour la défense des droits. Jamais vos mots, vos coordonnées ni vos fichiers, et aucun nombre inférieur à 5 n’est jamais affiché.
field-retention = { $days ->
    [one] Haven conserve un signalement 1 jour après la fermeture de son dossier, puis le supprime définitivement, avec ses messages et ses fichiers. Vous pouvez demander qu’il soit supprimé plus tôt sur la page de suivi.
   *[other] Haven conserve un signalement { $days } jours après la fermeture de son dossier, puis le supprime définitivement, avec ses messages et ses fichiers. Vous pouvez demander qu’il soit supprimé plus tôt sur la page de suivi.
}
consent-referral = aiguillage vers des organismes partenaires et d’autres personnes qui peuvent aider
consent-police = communication à la police canadienne et aux organismes canadiens de sécurité nationale
consent-stats = statistiques anonymes
case-consent-given-online = donné par la personne sur la page de suivi, { $when }
timeline-consent-given = la personne ayant fait le signalement a donné son accord pour :
timeline-consent-withdrawn = la personne ayant fait le signalement a retiré son accord pour :
timeline-referral-withdrawn = aiguillage retiré par la personne ayant fait le signalement avant la réponse de
referral-status-withdrawn = Retiré par la personne ayant fait le signalement
referral-withdrawn-explain = La personne qui a fait ce signalement a retiré son accord à l’aiguillage avant que votre organisme ne réponde. Haven ne montre plus rien de ce dossier à votre organisme, et vous n’avez rien d’autre à faire.
referral-error-withdrawn = La personne ayant fait le signalement a retiré cet aiguillage avant qu’une réponse n’y soit donnée : il ne peut plus être accepté, refusé ni mis à jour.
mail-referral-withdrawn-subject = Un aiguillage destiné à { $group } a été retiré dans Haven
mail-referral-withdrawn-body = Un aiguillage destiné à { $group }, auquel aucune réponse n’avait encore été donnée, a été retiré : la personne qui a fait le signalement n’y consent plus. Haven ne vous le montre plus, et vous n’avez rien d’autre à faire.
mail-referral-withdrawn-link = Connectez-vous pour voir vos aiguillages
follow-up-shared-title = Transmis à
follow-up-shared-explain = Qui, en dehors de Haven, a reçu quelque chose au sujet de votre dossier, et où en est chaque transmission. Quiconque a votre référence et votre reçu peut le voir aussi.
follow-up-shared-none = Votre dossier n’a été transmis à personne en dehors de Haven.
follow-up-shared-pending = { $group } : un aiguillage attend sa réponse
follow-up-shared-accepted = { $group } : a accepté votre dossier
follow-up-shared-declined = { $group } : n’a pas pu prendre votre dossier en charge
follow-up-shared-withdrawn = { $group } : retiré à votre demande avant sa réponse
follow-up-shared-on = transmis le { $date }
follow-up-consents-title = Ce que vous nous autorisez à faire
follow-up-consents-explain = Chaque autorisation est telle que vous l’avez donnée avec votre signalement, ou telle que vous l’avez modifiée ici depuis. Vous pouvez donner ou retirer chacune à tout moment; un changement prend effet immédiatement.
follow-up-consent-given = Vous avez donné votre accord.
follow-up-consent-not-given = Vous n’avez pas donné votre accord.
follow-up-consent-changed-given = Donné sur cette page le { $date }.
follow-up-consent-changed-withdrawn = Retiré sur cette page le { $date }.
follow-up-consent-changed-several = Modifié plus d’une fois sur cette page le { $date }.
follow-up-consent-referral-withdraw-note = Si vous retirez cet accord, Haven n’aiguillera votre dossier vers personne. Les aiguillages qu’aucun organisme n’a encore acceptés sont retirés immédiatement, et ces organismes apprennent seulement qu’un aiguillage a été retiré — rien sur vous ni sur votre signalement. Un organisme qui a déjà accepté garde le résumé qu’il a reçu : pour lui demander d’arrêter, écrivez à votre personne intervenante dans Messages, sur cette page.
follow-up-consent-withdraw-referral = Retirer mon accord à l’aiguillage
follow-up-consent-withdraw-police = Retirer mon accord à la communication à la police canadienne
follow-up-consent-withdraw-stats = Retirer mon accord aux statistiques
follow-up-consent-give-referral = Donner mon accord à l’aiguillage
follow-up-consent-give-police = Donner mon accord à la communication à la police canadienne
follow-up-consent-give-stats = Donner mon accord aux statistiques
follow-up-done-referral-given = Vous avez donné votre accord à l’aiguillage. Une personne intervenante peut maintenant aiguiller votre dossier vers un organisme communautaire partenaire ou une autre personne qui peut aider; chaque aiguillage figurera sous « Transmis à » sur cette page.
follow-up-done-referral-withdrawn = Vous avez retiré votre accord à l’aiguillage. Haven n’aiguillera plus votre dossier vers personne.
follow-up-done-referral-withdrawn-pending = Les aiguillages auxquels aucun organisme n’avait encore répondu sont retirés (voir « Transmis à »). Ces organismes ont seulement appris qu’un aiguillage avait été retiré — rien sur vous ni sur votre signalement.
follow-up-done-referral-withdrawn-accepted = Les organismes qui avaient déjà accepté votre dossier gardent le résumé qu’ils ont reçu. Pour leur demander d’arrêter, écrivez à votre personne intervenante dans Messages, sur cette page.
follow-up-done-police-given = Vous avez donné votre accord à la communication à la police canadienne et aux organismes canadiens de sécurité nationale. Une personne intervenante décide s’il faut leur transmettre votre signalement; rien n’est envoyé automatiquement.
follow-up-done-police-withdrawn = Vous avez retiré votre accord à la communication à la police canadienne et aux organismes canadiens de sécurité nationale. Haven ne leur transmettra plus votre signalement.
follow-up-done-stats-given = Votre signalement est maintenant compté dans les statistiques anonymes de Haven.
follow-up-done-stats-withdrawn = Votre signalement n’est plus compté dans les statistiques anonymes de Haven.
follow-up-consent-already-given = Vous aviez déjà donné cet accord : rien n’a changé.
follow-up-consent-already-withdrawn = Vous n’aviez pas donné cet accord : il n’y avait rien à retirer, et rien n’a changé.
follow-up-error-consent = Ce changement n’a pas pu être compris : rien n’a changé. Utilisez l’un des boutons sous « Ce que vous nous autorisez à faire ».
follow-up-shared-packet = { $group } : a reçu une copie chiffrée de votre signalement, que seul cet organisme peut ouvrir, sans vos coordonnées
follow-up-shared-notice = { $group } : a été informé que votre dossier lui a été communiqué, sans rien de son contenu
field-occurred-unsure = Je ne m’en souviens pas exactement — cette date est une estimation, ou je ne la connais pas
case-occurred-approximate = (approximative)
date-month = { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
steps-label = Étapes de votre signalement
step-of = Étape { $n } sur { $total } : { $title }
step-safety = Votre sécurité
step-what-happened = Ce qui s’est passé
step-who = Qui est derrière, et preuves
step-support = Soutien, contact et consentement
step-next = Suivant
step-back = Précédent
step-show-all = Afficher toutes les questions sur une seule page
step-optional-all = Toutes les questions de cette page sont facultatives.
step-optional-but-narrative = Seule la question « Ce qui s’est passé » est obligatoire ; toutes les autres sont facultatives.
report-draft-note = { $hours ->
    [one] Entre les étapes, vos réponses et vos fichiers sont conservés chiffrés, jusqu’à 1 heure après votre dernière étape, pour que rien ne soit perdu. Seul ce navigateur peut les ouvrir, et seulement tant que cette page est ouverte. Ils sont supprimés quand vous envoyez votre signalement; si vous arrêtez, ils ne peuvent plus être ouverts après cette heure et sont supprimés peu après.
   *[other] Entre les étapes, vos réponses et vos fichiers sont conservés chiffrés, jusqu’à { $hours } heures après votre dernière étape, pour que rien ne soit perdu. Seul ce navigateur peut les ouvrir, et seulement tant que cette page est ouverte. Ils sont supprimés quand vous envoyez votre signalement; si vous arrêtez, ils ne peuvent plus être ouverts après ces { $hours } heures et sont supprimés peu après.
}
report-files-held = { $count ->
    [one] 1 fichier joint jusqu’ici (conservé avec votre signalement) :
   *[other] { $count } fichiers joints jusqu’ici (conservés avec votre signalement) :
}
report-file-size = { $kib } Ko
report-file-remove = Retirer
field-contact-use = Seuls les intervenants voient vos coordonnées, et uniquement pour vous joindre au sujet de ce signalement. Haven ne vous envoie jamais de courriel ni de texto de lui-même.
error-contact-while-none = Vous avez écrit un moyen de vous joindre, mais choisi « Ne pas me contacter ». Choisissez comment nous pouvons vous contacter, ou effacez ce que vous avez écrit pour rester anonyme.
error-draft-expired = Vos réponses des étapes précédentes ont été supprimées parce qu’elles étaient conservées depuis trop longtemps. Ce que vous avez envoyé sur cette page est conservé : vérifiez à nouveau les autres étapes.
error-evidence-too-many = Un signalement peut contenir au plus 10 fichiers, 25 Mo au total : certains fichiers n’ont pas été ajoutés. Retirez un fichier pour en ajouter un autre, ou décrivez les autres dans votre signalement.
error-summary-item = { $field } — { $problem }
error-summary-elsewhere = { $field } (étape { $n }) — { $problem }
required-mark = (obligatoire)
audit-target-case = Dossier { $reference }
audit-target-case-purged = Dossier supprimé (nº { $n })
audit-target-referral = Aiguillage { $code } du dossier { $reference }
audit-target-referral-purged = Aiguillage { $code } d’un dossier supprimé
audit-target-evidence = Un fichier du dossier { $reference }
audit-target-evidence-purged = Un fichier d’un dossier supprimé
audit-target-account = Compte { $name }
audit-target-account-unknown = Compte nº { $n }
audit-target-group = Organisme { $name }
audit-target-group-unknown = Organisme nº { $n }
audit-unassigned = Non attribué
referral-label = Aiguillage { $code }
referral-received-on = Reçu le { $date }
referral-accept-explain = Si vous acceptez, la personne intervenante est informée que votre organisme prend le dossier en charge. Votre organisme aide alors la personne, et vous publiez des mises à jour sur cette page pour tenir la personne intervenante au courant.
referral-accept-confirm = Je confirme que notre organisme prend ce dossier en charge
referral-decline-explain = Si vous refusez, un motif est obligatoire. Il est communiqué à la personne intervenante, qui pourra aiguiller le dossier vers un autre organisme.
referral-error-confirm = Pour accepter, cochez « Je confirme que notre organisme prend ce dossier en charge ». Rien n’a été modifié.
referral-error-reason = Pour refuser, écrivez le motif de votre organisme (10 000 caractères au plus, sans caractères de contrôle invisibles comme un octet NUL). Il est communiqué à la personne intervenante. Rien n’a été modifié.
audit-target-id-hint = Un numéro tel qu’il est enregistré, ou une référence de dossier comme K7M3-Q9PX.
queue-go-reference = Aller à un dossier par sa référence
queue-go = Aller
queue-reference-not-found = Aucun dossier n’a la référence « { $reference } ». Vérifiez-la (par exemple K7M3-Q9PX) et réessayez.
col-language = Langue
filter-language = Langue du signalement
language-name-en = anglais
language-name-fr = français
language-name-zh-hans = chinois (simplifié)
language-name-zh-hant = chinois (traditionnel)
language-name-ug = ouïghour
language-name-bo = tibétain
kind-short-online-harassment = Harcèlement en ligne
kind-short-surveillance = Surveillance
kind-short-family-threats = Famille menacée
kind-short-pressure-to-return = Pression au retour
kind-short-pressure-to-inform = Pression à informer
kind-short-event-intimidation = Intimidation lors d’événements
kind-short-hacking = Piratage
kind-short-smear-campaign = Diffamation
kind-short-proxy-contact = Contact par intermédiaire
kind-short-legal-abuse = Abus juridique
kind-short-assault = Agression
kind-short-other = Autre
case-status-keep = Laisser : { $status }
case-status-move = Passer à : { $status }
case-triage-save = Enregistrer le triage
case-done-triage = Triage enregistré : le statut, le niveau de risque et la personne assignée sont ceux affichés.
case-back-to-queue = Retour à la file
shortcuts-title = Raccourcis clavier
shortcuts-intro = En dehors d’un champ de texte, appuyez sur :
shortcut-status = choisir le statut
shortcut-risk = choisir le niveau de risque
shortcut-assignee = choisir à qui le dossier est assigné
shortcut-note = écrire une note interne
shortcut-message = écrire à la personne qui signale
shortcut-queue = revenir à la file
shortcuts-without-script = Sans JavaScript, ces touches ne font rien : Tab parcourt les mêmes champs dans le même ordre, et Entrée enregistre le formulaire de triage.
case-label-kinds = Types d’incident
case-label-reporter-role = Rôle de la personne qui signale
case-label-occurred-on = Quand c’est arrivé
case-label-city = Ville
case-label-province = Province
case-label-community = Communauté
case-label-channels = Comment cela l’a atteinte
case-label-state-link = Lien présumé avec un État
case-label-demands = Ce qu’on lui a demandé
case-label-involved = Personnes impliquées
case-label-identifiers = Numéros, comptes ou noms utilisés
case-label-family-affected = Famille à l’étranger touchée
case-label-prior-reports = Déjà signalé à la police canadienne
case-label-support = Soutien souhaité
case-label-contact-method = Contact
case-label-consents = Consentements
case-label-consent-referral = Orientation vers des groupes partenaires
case-label-consent-police = Partage avec la police et la sécurité nationale canadiennes
case-label-consent-stats = Statistiques anonymes
case-label-narrative = Ce qui s’est passé
error-evidence-held-full = Haven ne peut pas conserver plus de fichiers pour les signalements en cours en ce moment : certains fichiers n’ont pas été ajoutés. Envoyez votre signalement sans eux, puis ajoutez-les depuis la page de suivi avec votre reçu.
queue-unread-short = Nouveau
case-assignee-inactive = Un compte qui n’est plus actif

## Passkeys and the second step of signing in

login-verify-title = Confirmez que c’est bien vous
login-verify-intro = Votre mot de passe est correct. Utilisez maintenant votre second facteur : votre clé d’accès ou votre clé de sécurité, un code de votre application d’authentification, ou un code de récupération.
login-verify-passkey = Utiliser votre clé d’accès
login-verify-passkey-hint = Votre navigateur vous demande votre clé d’accès ou votre clé de sécurité : quand on vous le demande, touchez la clé, ou déverrouillez cet appareil ou votre téléphone.
login-verify-passkey-button = Utiliser ma clé d’accès
login-verify-code-instead = Ou utiliser un code
login-verify-code = Entrer un code
login-verify-code-label = Code de votre application d’authentification, ou code de récupération
login-verify-code-hint = Les six chiffres de l’application, ou un code de récupération comme 7K3MQ-9PXR2.
login-verify-recovery-label = Code de récupération
login-verify-recovery-hint = L’un des codes de récupération que vous avez conservés, comme 7K3MQ-9PXR2. Chacun ne fonctionne qu’une fois.
login-verify-start-over = Recommencer avec votre mot de passe
login-verify-start-again = Votre connexion a expiré ou a pris fin. Entrez de nouveau votre adresse courriel et votre mot de passe.
login-verify-expired = La demande de clé d’accès a expiré ou a déjà été utilisée. Appuyez de nouveau sur « Utiliser ma clé d’accès ».
login-verify-wrong-code = { $tries ->
    [one] Ce code est incorrect. Il vous reste un essai avant de devoir recommencer avec votre mot de passe.
   *[other] Ce code est incorrect. Il vous reste { $tries } essais avant de devoir recommencer avec votre mot de passe.
}
login-verify-wrong-passkey = { $tries ->
    [one] Cette clé d’accès n’a pas été acceptée. Utilisez une clé d’accès ajoutée à ce compte. Il vous reste un essai avant de devoir recommencer avec votre mot de passe.
   *[other] Cette clé d’accès n’a pas été acceptée. Utilisez une clé d’accès ajoutée à ce compte. Il vous reste { $tries } essais avant de devoir recommencer avec votre mot de passe.
}
passkey-js-cancelled = La clé d’accès n’a pas été utilisée : la demande a été annulée ou a expiré. Appuyez sur le bouton pour réessayer, ou utilisez un code.
passkey-js-taken = Cette clé d’accès ou clé de sécurité est déjà ajoutée à votre compte. Utilisez-en une autre, ou annulez.
passkey-js-unsupported = Ce navigateur ne peut pas utiliser les clés d’accès. Utilisez un navigateur à jour, ou un code.
passkey-js-failed = La clé d’accès n’a pas fonctionné. Réessayez, ou utilisez un code.
passkey-needs-script = Les clés d’accès nécessitent JavaScript, qui est désactivé dans ce navigateur. Activez-le pour ce site, ou utilisez un code.
factors-intro = Avec un second facteur, un mot de passe volé ne suffit plus à lui seul. Vous pouvez en avoir plusieurs : des clés d’accès, une application d’authentification, et des codes de récupération pour quand vous n’avez ni l’une ni l’autre.
passkeys-title = Clés d’accès et clés de sécurité
passkeys-intro = Le second facteur le plus sûr : une clé d’accès ne fonctionne qu’à la véritable adresse de Haven, si bien qu’une fausse page de connexion ne peut pas la capter. Elle peut se trouver sur cet appareil, sur votre téléphone ou sur une clé de sécurité comme une YubiKey.
passkeys-none = Vous n’avez pas encore de clé d’accès.
passkeys-unavailable = Les clés d’accès ne peuvent pas être utilisées à cette adresse. La personne qui gère Haven peut les rendre utilisables en lui donnant un nom de domaine (HAVEN_BASE_URL).
passkey-name = Nom
passkey-added = Ajoutée
passkey-last-used = Dernière utilisation
passkey-never-used = Pas encore utilisée
passkey-suspended = Suspendue : elle a répondu comme si elle avait pu être copiée, si bien qu’elle ne permet plus de vous connecter. Retirez-la, puis ajoutez de nouveau votre clé; si vous ne l’avez pas copiée, prévenez un administrateur ou une administratrice.
passkey-remove = Retirer
passkey-new-name = Nom de la nouvelle clé d’accès
passkey-new-name-hint = Pour distinguer vos clés d’accès, par exemple « Clé de sécurité bleue » ou « Ordinateur portable du travail ».
passkey-add = Ajouter une clé d’accès
passkey-add-code = Entrez ensuite un code pour confirmer votre identité.
passkey-add-with-passkey = Ajouter, en confirmant avec une clé d’accès que j’ai déjà
totp-start-with-passkey = Configurer, en confirmant avec ma clé d’accès
passkey-error-name-missing = Donnez un nom à la clé d’accès.
passkey-error-name-long = Utilisez un nom de 60 caractères ou moins.
passkey-error-unavailable = Les clés d’accès ne peuvent pas être utilisées à cette adresse. Utilisez plutôt un code.
passkey-error-expired = La demande de clé d’accès a expiré ou a déjà été utilisée. Recommencez.
passkey-error-taken = Cette clé d’accès est déjà ajoutée. Utilisez-en une autre.
passkey-error-refused = La clé d’accès n’a pas été acceptée. Réessayez avec une clé d’accès ajoutée à votre compte, ou utilisez un code.
passkey-error-required = Vous devez garder une clé d’accès : ajoutez-en une autre avant de retirer celle-ci.
passkey-done-added = Votre clé d’accès est ajoutée. À votre prochaine connexion, utilisez-la après votre mot de passe.
passkey-done-removed = La clé d’accès est retirée : elle ne permet plus de vous connecter.
passkey-admin-required = Les administrateurs et administratrices doivent se connecter avec une clé d’accès. Ajoutez-en une pour continuer.
passkey-required = Tous les comptes du personnel doivent se connecter avec une clé d’accès. Ajoutez-en une pour continuer.
totp-app-title = Application d’authentification
totp-not-for-sign-in = Avec votre rôle, la connexion se fait par clé d’accès : les codes de cette application ne permettent plus de vous connecter.
recovery-codes-title = Codes de récupération
recovery-codes-left = { $count ->
    [0] Vous n’avez plus aucun code de récupération inutilisé. Générez-en de nouveaux.
    [one] Il vous reste un code de récupération inutilisé.
   *[other] Il vous reste { $count } codes de récupération inutilisés.
}
recovery-new-with-passkey = Générer de nouveaux codes en confirmant avec ma clé d’accès
passkey-add-title = Ajouter une clé d’accès
passkey-add-step-button = Appuyez sur « Créer la clé d’accès » ci-dessous.
passkey-add-step-choose = Votre navigateur vous demande où la conserver : sur cet appareil, sur votre téléphone ou sur une clé de sécurité. Faites votre choix.
passkey-add-step-unlock = Quand on vous le demande, touchez la clé, ou déverrouillez l’appareil avec son NIP, votre empreinte digitale ou votre visage.
passkey-add-button = Créer la clé d’accès
passkey-cancel = Annuler
passkey-remove-title = Retirer une clé d’accès
passkey-remove-intro = Une fois retirée, elle ne permet plus de vous connecter. Pour confirmer, entrez votre mot de passe et utilisez un second facteur.
passkey-remove-password = Votre mot de passe
passkey-remove-either = Entrez ensuite un code, ou utilisez l’une de vos clés d’accès, pour confirmer votre identité.
passkey-remove-with-code = Retirer, en confirmant avec le code
passkey-remove-with-passkey = Retirer, en confirmant avec une clé d’accès
factors-passkeys = { $count ->
    [one] Une clé d’accès
   *[other] { $count } clés d’accès
}
factors-app = Application d’authentification
factors-none = Aucun
admin-factors-reset = Retirer tous ses seconds facteurs
admin-factors-confirm = J’ai vérifié, en dehors de Haven, que cette personne l’a réellement demandé : elle a perdu toutes ses clés d’accès, son téléphone et ses codes de récupération.
admin-factors-hint = Ses clés d’accès, son application d’authentification et ses codes de récupération sont retirés, et ses sessions sont fermées. La personne se connecte de nouveau avec son mot de passe seulement, puis configure aussitôt un second facteur; elle est avisée par courriel de ce qui s’est passé. Quelqu’un qui aurait obtenu son mot de passe par hameçonnage pourrait faire la même demande : vérifiez d’abord, en l’appelant à un numéro que vous connaissez déjà, ou en personne.
admin-error-factors-confirm = Cochez la case pour indiquer que vous avez vérifié que la demande vient bien de cette personne, puis appuyez de nouveau sur le bouton.
admin-done-factors = Ses seconds facteurs sont retirés. À sa prochaine connexion, la personne devra en configurer un nouveau.
