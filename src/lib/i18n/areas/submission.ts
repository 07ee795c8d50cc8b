import { defineArea } from '../types';

// A round's way to the UIM (server mode): sending, its state, the UIM's comments, the history.
const area = defineArea({
	es: {
		'submission.state.submitted': 'Enviada',
		'submission.state.returned': 'Devuelta con comentarios',
		'submission.state.validated': 'Validada',
		'submission.state.published': 'Publicada',

		'submission.event.submitted': 'Versión {version} enviada por {by} el {date}',
		'submission.event.returned': 'Versión {version} devuelta con comentarios por {by} el {date}',
		'submission.event.validated': 'Versión {version} validada por {by} el {date}',
		'submission.event.published': 'Versión {version} publicada por {by} el {date}',
		'submission.eventAnon.submitted': 'Versión {version} enviada el {date}',
		'submission.eventAnon.returned': 'Versión {version} devuelta con comentarios el {date}',
		'submission.eventAnon.validated': 'Versión {version} validada el {date}',
		'submission.eventAnon.published': 'Versión {version} publicada el {date}',

		'submission.status.title': 'Estado en la UIM',
		'submission.status.loading': 'Consultando el estado de la ronda en el servidor…',
		'submission.status.none': 'Esta ronda aún no se ha enviado a la UIM.',
		'submission.status.unreachable':
			'No se pudo consultar el estado de la ronda en el servidor ({message}). Puede seguir trabajando: su borrador se guarda en este equipo.',
		'submission.status.unreachableNoDetail':
			'No hay conexión con el servidor de Integra: no se pudo consultar el estado de la ronda. Puede seguir trabajando: su borrador se guarda en este equipo.',
		'submission.status.refused': 'El servidor no muestra esta ronda: {message}',
		'submission.status.explain.submitted':
			'En revisión en la UIM. El formulario queda en solo lectura hasta que la UIM la devuelva o la valide.',
		'submission.status.explain.returned':
			'La UIM la devolvió con comentarios ({count}). Corrija el borrador y envíe una nueva versión.',
		'submission.status.explain.validated':
			'La UIM la validó. Aparecerá en el observatorio público cuando se publique.',
		'submission.status.explain.published':
			'Publicada: sus puntajes aparecen en el observatorio público y en la ficha del distrito.',
		'submission.status.behind':
			'El servidor tiene la versión {version} de esta ronda, más nueva que la de este borrador (se envió desde otro equipo o el borrador de este equipo es anterior).',
		'submission.status.load': 'Cargar la versión {version} en el borrador',
		'submission.status.loadFailed':
			'No se pudo cargar la versión del servidor en este navegador. Inténtelo de nuevo.',
		'submission.status.gone':
			'Este equipo no tiene el borrador de esta ronda. Puede continuar desde la versión {version} del servidor.',
		'submission.status.continue': 'Continuar desde la versión {version}',
		'submission.status.history': 'Historial de la ronda ({count})',
		'submission.status.comments': 'Comentarios de la UIM ({count})',

		'submission.comment.title': 'Comentario de la UIM',
		'submission.comment.meta': '{by}, {date}',

		'submission.finish.title': 'Enviar a la UIM',
		'submission.finish.rules':
			'Para enviarla, responda todos los indicadores que aplican (sin «No sabe») y anote la evidencia de cada Cumple y Parcial. La UIM la revisa; sus puntajes aparecen en el observatorio público solo cuando la UIM la valida y se publica.',
		'submission.finish.button': 'Enviar a la UIM',
		'submission.finish.resend': 'Enviar la versión corregida a la UIM',
		'submission.finish.sending': 'Enviando…',
		'submission.finish.missing': 'Pendiente antes de enviar la ronda ({count}):',
		'submission.finish.sent':
			'Versión {version} enviada a la UIM el {date} — en revisión. Sus puntajes aparecerán en el observatorio público cuando la UIM la valide y se publique.',
		'submission.finish.unrecorded':
			'La versión llegó al servidor, pero este navegador no pudo anotarlo en su borrador.',
		'submission.finish.unreachable':
			'No se pudo enviar: {message}. Su borrador sigue guardado en este equipo.',
		'submission.finish.unreachableNoDetail':
			'No se pudo enviar: no hay conexión con el servidor de Integra. Su borrador sigue guardado en este equipo.',
		'submission.finish.retry': 'Reintentar el envío',
		'submission.finish.invalid': 'El servidor no aceptó la ronda: {message}',
		'submission.finish.conflict':
			'Hay una versión más nueva de esta ronda en el servidor (versión {version}). Su borrador no se envió: cárguela para seguir desde ella.',
		'submission.finish.conflictUnknown':
			'El servidor no aceptó el envío: {message} Su borrador sigue guardado en este equipo.',
		'submission.finish.signedOut':
			'Su sesión terminó. Inicie sesión de nuevo para enviar; su borrador sigue guardado en este equipo.',
		'submission.finish.refused': 'El servidor no aceptó el envío: {message}',
		'submission.finish.signIn':
			'Para enviar esta ronda a la UIM hace falta iniciar sesión con una cuenta de funcionario o funcionaria del distrito.',
		'submission.finish.signInLink': 'Iniciar sesión',
		'submission.finish.notOfficial':
			'Solo un funcionario o funcionaria de este distrito puede enviar la ronda a la UIM.',
		'submission.finish.localDone':
			'Ronda marcada como completa en este navegador. No se envió a la UIM: llega al observatorio público solo cuando se envía, la UIM la valida y se publica.',
		'submission.finish.state.submitted':
			'Versión {version} enviada a la UIM el {date} — en revisión.',
		'submission.finish.state.validated':
			'Versión {version} validada por la UIM el {date}. Se mostrará en el observatorio público cuando se publique.',
		'submission.finish.state.published':
			'Versión {version} publicada el {date}: sus puntajes están en el observatorio público.',

		'submission.rounds.title': 'Rondas en el servidor de Integra',
		'submission.history.title': 'Historial de rondas',
		'submission.history.introPublic': 'Cada ronda publicada del distrito, y cuándo se publicó.',
		'submission.history.introStaff':
			'Cada ronda del distrito: versiones enviadas, devueltas, validadas y publicadas, con quién y cuándo.',
		'submission.history.loading': 'Cargando el historial…',
		'submission.history.none': 'Este distrito aún no tiene rondas en el servidor.',
		'submission.history.unreachable': 'No se pudo leer el historial del servidor ({message}).',
		'submission.history.unreachableNoDetail':
			'No hay conexión con el servidor de Integra: no se pudo leer el historial.',
		'submission.history.round': 'Ronda {round}',
		'submission.history.published': 'Versión publicada: {version}, el {date}',
		'submission.history.notPublished': 'Aún sin publicar'
	},
	en: {
		'submission.state.submitted': 'Submitted',
		'submission.state.returned': 'Returned with comments',
		'submission.state.validated': 'Validated',
		'submission.state.published': 'Published',

		'submission.event.submitted': 'Version {version} submitted by {by} on {date}',
		'submission.event.returned': 'Version {version} returned with comments by {by} on {date}',
		'submission.event.validated': 'Version {version} validated by {by} on {date}',
		'submission.event.published': 'Version {version} published by {by} on {date}',
		'submission.eventAnon.submitted': 'Version {version} submitted on {date}',
		'submission.eventAnon.returned': 'Version {version} returned with comments on {date}',
		'submission.eventAnon.validated': 'Version {version} validated on {date}',
		'submission.eventAnon.published': 'Version {version} published on {date}',

		'submission.status.title': 'Status at the UIM',
		'submission.status.loading': 'Asking the server for the round’s status…',
		'submission.status.none': 'This round has not been sent to the UIM yet.',
		'submission.status.unreachable':
			'The round’s status could not be read from the server ({message}). You can keep working: your draft is saved on this device.',
		'submission.status.unreachableNoDetail':
			'No connection to the Integra server: the round’s status could not be read. You can keep working: your draft is saved on this device.',
		'submission.status.refused': 'The server does not show this round: {message}',
		'submission.status.explain.submitted':
			'Under review at the UIM. The form is read-only until the UIM returns or validates it.',
		'submission.status.explain.returned':
			'The UIM returned it with comments ({count}). Correct the draft and send a new version.',
		'submission.status.explain.validated':
			'The UIM validated it. It will appear in the public observatory once it is published.',
		'submission.status.explain.published':
			'Published: its scores appear in the public observatory and on the district profile.',
		'submission.status.behind':
			'The server has version {version} of this round, newer than this draft’s (it was sent from another device, or this device’s draft is older).',
		'submission.status.load': 'Load version {version} into the draft',
		'submission.status.loadFailed':
			'The server’s version could not be loaded in this browser. Please try again.',
		'submission.status.gone':
			'This device does not have the draft of this round. You can continue from version {version} on the server.',
		'submission.status.continue': 'Continue from version {version}',
		'submission.status.history': 'Round history ({count})',
		'submission.status.comments': 'Comments from the UIM ({count})',

		'submission.comment.title': 'Comment from the UIM',
		'submission.comment.meta': '{by}, {date}',

		'submission.finish.title': 'Send to the UIM',
		'submission.finish.rules':
			'To send it, answer every applicable indicator (no “Don’t know”) and note the evidence for each Meets and Partial. The UIM reviews it; its scores appear in the public observatory only once the UIM validates it and it is published.',
		'submission.finish.button': 'Send to the UIM',
		'submission.finish.resend': 'Send the corrected version to the UIM',
		'submission.finish.sending': 'Sending…',
		'submission.finish.missing': 'Still to do before the round can be sent ({count}):',
		'submission.finish.sent':
			'Version {version} sent to the UIM on {date} — under review. Its scores will appear in the public observatory once the UIM validates it and it is published.',
		'submission.finish.unrecorded':
			'The version reached the server, but this browser could not note it in your draft.',
		'submission.finish.unreachable':
			'Could not send: {message}. Your draft is still saved on this device.',
		'submission.finish.unreachableNoDetail':
			'Could not send: no connection to the Integra server. Your draft is still saved on this device.',
		'submission.finish.retry': 'Try sending again',
		'submission.finish.invalid': 'The server did not accept the round: {message}',
		'submission.finish.conflict':
			'There is a newer version of this round on the server (version {version}). Your draft was not sent: load it to go on from there.',
		'submission.finish.conflictUnknown':
			'The server did not accept the send: {message} Your draft is still saved on this device.',
		'submission.finish.signedOut':
			'Your session ended. Sign in again to send; your draft is still saved on this device.',
		'submission.finish.refused': 'The server did not accept the send: {message}',
		'submission.finish.signIn':
			'Sending this round to the UIM needs signing in with an official’s account of the district.',
		'submission.finish.signInLink': 'Sign in',
		'submission.finish.notOfficial':
			'Only an official of this district can send the round to the UIM.',
		'submission.finish.localDone':
			'Round marked as complete in this browser. It was not sent to the UIM: it reaches the public observatory only once it is sent, validated by the UIM and published.',
		'submission.finish.state.submitted':
			'Version {version} sent to the UIM on {date} — under review.',
		'submission.finish.state.validated':
			'Version {version} validated by the UIM on {date}. It will show in the public observatory once published.',
		'submission.finish.state.published':
			'Version {version} published on {date}: its scores are in the public observatory.',

		'submission.rounds.title': 'Rounds on the Integra server',
		'submission.history.title': 'Round history',
		'submission.history.introPublic':
			'Each published round of the district, and when it was published.',
		'submission.history.introStaff':
			'Each round of the district: versions submitted, returned, validated and published, with who and when.',
		'submission.history.loading': 'Loading the history…',
		'submission.history.none': 'This district has no rounds on the server yet.',
		'submission.history.unreachable': 'The history could not be read from the server ({message}).',
		'submission.history.unreachableNoDetail':
			'No connection to the Integra server: the history could not be read.',
		'submission.history.round': 'Round {round}',
		'submission.history.published': 'Published version: {version}, on {date}',
		'submission.history.notPublished': 'Not published yet'
	}
});

export default area;
