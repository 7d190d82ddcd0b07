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
nav-staff = Personnel
nav-cases = Dossiers
nav-account = Compte
nav-sign-out = Se déconnecter
footer-emergency = En danger immédiat? Composez le 911.
footer-privacy = Haven n’enregistre ni votre adresse IP, ni votre navigateur, ni le moment exact de votre visite.
yes = Oui
no = Non
required = obligatoire
choose-none = — Non précisé —
error-prefix = Erreur :

## Landing page
home-title = Signaler, en toute sécurité, le harcèlement par un État étranger
home-lead = Si vous êtes au Canada et qu’une personne agissant pour un gouvernement étranger s’en est prise à vous ou à votre famille (menaces, filature, pressions ou harcèlement), vous pouvez nous le dire ici. Vous n’avez pas à donner votre nom.
home-start-report = Faire un signalement
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
what-happens-3 = Rien n’est communiqué à la police ni à qui que ce soit sans votre accord.

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
field-occurred-on-hint = Une date (2026-05-14), ou un mois (2026-05) si vous ne vous souvenez pas du jour.
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
field-family-affected = Ma famille dans le pays d’origine a été touchée
field-prior-reports = Avez-vous déjà signalé ces faits à la police, à la GRC ou au SCRS? (facultatif)
field-prior-reports-hint = Si oui, à qui, et tout numéro d’événement ou de dossier.
field-immediate-danger = Je suis en danger immédiat
field-immediate-danger-hint = Composez d’abord le 911. Si vous cochez cette case, votre signalement sera marqué comme urgent.
field-support = Quel soutien vous aiderait? (cochez toutes les réponses qui s’appliquent)
field-evidence = Preuves (facultatif)
field-evidence-hint = Captures d’écran, photos, documents, enregistrements audio ou vidéo : jusqu’à 10 fichiers, 10 Mo chacun, 25 Mo au total. Les données de localisation ne sont pas nécessaires; supprimez-les si vous le pouvez.
field-contact-method = Comment pouvons-nous vous joindre?
field-contact-hint = Seulement si vous le souhaitez. Choisissez « Ne pas me contacter » pour rester anonyme.
field-contact-value = Votre adresse courriel, votre numéro de téléphone ou votre nom d’utilisateur Signal
field-consents = Qu’est-ce que vous nous autorisez à faire?
field-consents-hint = Aucune de ces autorisations n’est accordée à moins que vous ne cochiez la case. Vous pourrez changer d’avis plus tard.
field-consent-referral = Transmettre mon dossier à un organisme communautaire partenaire qui peut m’aider
field-consent-police = Communiquer mon signalement aux forces de l’ordre
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
kind-proxy-contact = Contact par un « poste de police » non officiel ou par un autre intermédiaire de l’État
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
error-occurred-on-invalid = Écrivez une date sous la forme 2026-05-14 ou un mois sous la forme 2026-05, sans dépasser la date d’aujourd’hui.
error-contact-value-required = Indiquez comment vous joindre, ou choisissez « Ne pas me contacter ».
error-contact-value-invalid = Ceci ne semble pas être une adresse courriel, un numéro de téléphone ou un nom d’utilisateur Signal valide pour le moyen que vous avez choisi.
error-evidence-type = Un des fichiers n’est pas d’un type accepté (images, PDF, texte brut, audio ou vidéo). Veuillez joindre uniquement des fichiers de ces types.
error-form-expired = Ce formulaire avait expiré : rien n’a donc été envoyé. Vos réponses sont toujours là : veuillez les vérifier et les envoyer de nouveau.

## Receipt
receipt-title = Votre signalement a bien été reçu
receipt-stored = Votre signalement est conservé en lieu sûr, sous forme chiffrée. Une personne intervenante le lira.
receipt-reference-label = Référence du dossier
receipt-receipt-label = Reçu secret
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
login-totp = Code à usage unique
login-totp-hint = Seulement si vous avez configuré l’authentification à deux facteurs.
login-submit = Se connecter
login-failed = L’adresse courriel ou le mot de passe est incorrect, ou le compte n’est pas actif. Réessayez.
login-signed-out = Votre session est fermée.

## Staff: account
account-title = Votre compte
account-email = Adresse courriel
account-role = Rôle
account-organisation = Organisme partenaire
account-session-idle = Votre session se ferme après { $minutes } minutes d’inactivité.
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
queue-newest = Dossiers les plus récents
queue-older = Dossiers plus anciens
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
