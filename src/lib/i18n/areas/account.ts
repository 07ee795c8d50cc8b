import { defineArea } from '../types';

// Accounts of the Integra server (issue 13 §2–3): sign-in, the header's
// account menu, the view switch of staff, and /admin.
const area = defineArea({
	es: {
		'account.signIn': 'Iniciar sesión',
		'account.signOut': 'Salir',
		'account.role.admin': 'Administración',
		'account.role.uim': 'Asistente UIM',
		'account.role.official': 'Funcionario municipal',
		'account.role.analyst': 'Analista',
		'account.nav.review': 'Revisión',
		'account.nav.admin': 'Administración',
		'account.signOut.failed': 'No se pudo cerrar la sesión: {message}',

		'account.login.title': 'Iniciar sesión',
		'account.login.intro':
			'Las cuentas son para el equipo de la UIM, administración, analistas y funcionarios municipales. El observatorio es público: no hace falta una cuenta para verlo.',
		'account.login.email': 'Correo electrónico',
		'account.login.password': 'Contraseña',
		'account.login.submit': 'Entrar',
		'account.login.busy': 'Entrando…',
		'account.login.unreachable':
			'No se pudo contactar con el servidor ({message}). Inténtelo de nuevo.',
		'account.login.already': 'Ha iniciado sesión como {name} ({role}).',
		'account.login.continue': 'Continuar',
		'account.login.static':
			'Esta copia de Integra es un sitio estático: funciona sin servidor y no tiene cuentas. Para iniciar sesión, enviar autoevaluaciones o revisarlas se necesita el servidor de Integra.',
		'account.login.home': 'Volver al observatorio',

		'account.view.toggle': 'Incluir rondas validadas y enviadas',
		'account.view.banner':
			'Está viendo trabajo en curso: rondas enviadas y validadas, aún no publicadas.',
		'account.view.back': 'Volver a los datos publicados',
		'account.view.region': 'Vista de trabajo en curso',
		'account.view.busy': 'Cambiando la vista…',
		'account.view.failed': 'No se pudo cambiar la vista: {message}',

		'account.admin.title': 'Administración',
		'account.admin.static':
			'La administración de cuentas y publicaciones necesita el servidor de Integra; este sitio estático no tiene cuentas.',
		'account.admin.users': 'Cuentas',
		'account.admin.email': 'Correo',
		'account.admin.name': 'Nombre',
		'account.admin.role': 'Rol',
		'account.admin.districts': 'Distritos',
		'account.admin.created': 'Creada',
		'account.admin.count': '{count} cuentas',
		'account.admin.add': 'Añadir una cuenta',
		'account.admin.ubigeos': 'Distritos (ubigeos, separados por comas)',
		'account.admin.ubigeosHint': 'Solo para funcionarios: el distrito o distritos que atienden.',
		'account.admin.unknownDistrict': 'distrito desconocido',
		'account.admin.initialPassword': 'Contraseña inicial (mínimo 10 caracteres)',
		'account.admin.passwordHint':
			'Compártala por un canal seguro; la persona puede pedir otra a administración.',
		'account.admin.create': 'Crear la cuenta',
		'account.admin.created.ok': 'Cuenta creada: {email} ({role}).',
		'account.admin.reset': 'Restablecer una contraseña',
		'account.admin.account': 'Cuenta',
		'account.admin.choose': 'Elija una cuenta',
		'account.admin.newPassword': 'Nueva contraseña (mínimo 10 caracteres)',
		'account.admin.resetSubmit': 'Cambiar la contraseña',
		'account.admin.reset.ok': 'Nueva contraseña para {email}; sus sesiones abiertas se cerraron.',
		'account.admin.busy': 'Enviando…',
		'account.admin.unreachable': 'El servidor no responde ({message}). Inténtelo de nuevo.',
		'account.admin.publication': 'Publicación',
		'account.admin.publicationIntro':
			'Las rondas validadas por la UIM pasan al observatorio público cuando se publican.',
		'account.admin.noValidated': 'No hay rondas validadas pendientes de publicar.',
		'account.admin.district': 'Distrito',
		'account.admin.round': 'Ronda',
		'account.admin.version': 'Versión',
		'account.admin.validatedAt': 'Validada',
		'account.admin.publish': 'Publicar',
		'account.admin.publishOne': 'Publicar {ubigeo} {round}',
		'account.admin.publishAll': 'Publicar todas las validadas ({count})',
		'account.admin.published':
			'Publicación n.º {publication}: {rounds}. El observatorio público ya las muestra.',
		'account.admin.audit': 'Registro de auditoría',
		'account.admin.auditIntro': 'Quién hizo qué con cada ronda y cuándo.',
		'account.admin.auditDownload': 'Descargar el registro de auditoría (CSV)',
		'account.admin.backup': 'Copia de seguridad',
		'account.admin.backupIntro':
			'Todos los datos del servidor (rondas, versiones, comentarios, planes de acción, actividades, cuentas y auditoría) en un archivo. Contiene las contraseñas cifradas: guárdelo en un lugar seguro. Se restaura en una base vacía con «npm run db -- restore ARCHIVO».',
		'account.admin.backupDownload': 'Descargar la copia de seguridad (JSON)'
	},
	en: {
		'account.signIn': 'Sign in',
		'account.signOut': 'Sign out',
		'account.role.admin': 'Administration',
		'account.role.uim': 'UIM assistant',
		'account.role.official': 'Municipal official',
		'account.role.analyst': 'Analyst',
		'account.nav.review': 'Review',
		'account.nav.admin': 'Administration',
		'account.signOut.failed': 'Could not sign out: {message}',

		'account.login.title': 'Sign in',
		'account.login.intro':
			'Accounts are for the UIM team, administration, analysts and municipal officials. The observatory is public: you need no account to see it.',
		'account.login.email': 'E-mail',
		'account.login.password': 'Password',
		'account.login.submit': 'Sign in',
		'account.login.busy': 'Signing in…',
		'account.login.unreachable': 'Could not reach the server ({message}). Please try again.',
		'account.login.already': 'You are signed in as {name} ({role}).',
		'account.login.continue': 'Continue',
		'account.login.static':
			'This copy of Integra is a static site: it works without a server and has no accounts. Signing in, submitting or reviewing self-assessments needs the Integra server.',
		'account.login.home': 'Back to the observatory',

		'account.view.toggle': 'Include validated and submitted rounds',
		'account.view.banner':
			'You are viewing work in progress: submitted and validated rounds, not yet published.',
		'account.view.back': 'Back to the published data',
		'account.view.region': 'Work-in-progress view',
		'account.view.busy': 'Switching the view…',
		'account.view.failed': 'Could not switch the view: {message}',

		'account.admin.title': 'Administration',
		'account.admin.static':
			'Managing accounts and publications needs the Integra server; this static site has no accounts.',
		'account.admin.users': 'Accounts',
		'account.admin.email': 'E-mail',
		'account.admin.name': 'Name',
		'account.admin.role': 'Role',
		'account.admin.districts': 'Districts',
		'account.admin.created': 'Created',
		'account.admin.count': '{count} accounts',
		'account.admin.add': 'Add an account',
		'account.admin.ubigeos': 'Districts (ubigeos, separated by commas)',
		'account.admin.ubigeosHint': 'Officials only: the district or districts they work for.',
		'account.admin.unknownDistrict': 'unknown district',
		'account.admin.initialPassword': 'Initial password (at least 10 characters)',
		'account.admin.passwordHint':
			'Share it through a safe channel; the person can ask administration for another.',
		'account.admin.create': 'Create the account',
		'account.admin.created.ok': 'Account created: {email} ({role}).',
		'account.admin.reset': 'Reset a password',
		'account.admin.account': 'Account',
		'account.admin.choose': 'Choose an account',
		'account.admin.newPassword': 'New password (at least 10 characters)',
		'account.admin.resetSubmit': 'Change the password',
		'account.admin.reset.ok': 'New password for {email}; their open sessions have ended.',
		'account.admin.busy': 'Sending…',
		'account.admin.unreachable': 'The server does not answer ({message}). Please try again.',
		'account.admin.publication': 'Publication',
		'account.admin.publicationIntro':
			'Rounds validated by the UIM reach the public observatory when they are published.',
		'account.admin.noValidated': 'No validated round is waiting to be published.',
		'account.admin.district': 'District',
		'account.admin.round': 'Round',
		'account.admin.version': 'Version',
		'account.admin.validatedAt': 'Validated',
		'account.admin.publish': 'Publish',
		'account.admin.publishOne': 'Publish {ubigeo} {round}',
		'account.admin.publishAll': 'Publish all validated ({count})',
		'account.admin.published':
			'Publication no. {publication}: {rounds}. The public observatory shows them now.',
		'account.admin.audit': 'Audit log',
		'account.admin.auditIntro': 'Who did what to each round, and when.',
		'account.admin.auditDownload': 'Download the audit log (CSV)',
		'account.admin.backup': 'Backup',
		'account.admin.backupIntro':
			'All the data of the server (rounds, versions, comments, action plans, activities, accounts and audit log) in one file. It holds the hashed passwords: keep it somewhere safe. Restore it into an empty database with “npm run db -- restore FILE”.',
		'account.admin.backupDownload': 'Download the backup (JSON)'
	}
});

export default area;
