import { defineArea } from '../types';

// The self-assessment (/autoevaluacion/[ubigeo]): form, autosave, workshop,
// summary, print and action plan. Answer and status words follow DESIGN.md §4.
const area = defineArea({
	es: {
		'assess.title': 'Autoevaluación de {district}',
		'assess.noFramework':
			'El marco de indicadores cargado no tiene indicadores de política (kind = policy): no hay preguntas que responder. Cargue un framework.csv válido en la página de datos.',
		'assess.loadingDraft': 'Abriendo la ronda…',
		'assess.backToRounds': 'Volver a las rondas del distrito',
		'assess.toProfile': 'Ficha distrital de {district}',

		'assess.answer.cumple': 'Cumple',
		'assess.answer.parcial': 'Parcial',
		'assess.answer.no_cumple': 'No cumple',
		'assess.answer.no_aplica': 'No aplica',
		'assess.answer.no_sabe': 'No sabe',

		'assess.rounds.title': 'Rondas de autoevaluación',
		'assess.rounds.intro':
			'Cada ronda es una autoevaluación completa de {district}. Las rondas de los datos cargados se pueden consultar; los borradores de este navegador se pueden continuar.',
		'assess.rounds.none': 'Este distrito todavía no tiene rondas. Empiece la primera abajo.',
		'assess.rounds.round': 'Ronda',
		'assess.rounds.status': 'Estado',
		'assess.rounds.overall': 'Puntaje general',
		'assess.rounds.progress': 'Avance',
		'assess.rounds.open': 'Abrir',
		'assess.rounds.status.draft': 'Borrador',
		'assess.rounds.status.local': 'Completada en este navegador',
		'assess.rounds.status.data': 'Datos cargados',
		'assess.rounds.answered': '{answered} de {total} indicadores respondidos',
		'assess.rounds.saved': 'guardado {when}',
		'assess.rounds.complete': 'Completa',
		'assess.rounds.incomplete': 'Incompleta',
		'assess.rounds.continue': 'Continuar el borrador {round}',
		'assess.rounds.workshop': 'Taller {round}',
		'assess.rounds.view': 'Ver la ronda {round}',
		'assess.rounds.summary': 'Resumen {round}',

		'assess.new.title': 'Nueva ronda',
		'assess.new.name': 'Nombre de la ronda',
		'assess.new.nameHint': 'Un año (2025) o un semestre (2025-S1, 2025-S2).',
		'assess.new.badName':
			'Escriba el año con cuatro cifras, o el año y el semestre: 2025, 2025-S1 o 2025-S2.',
		'assess.new.exists':
			'La ronda {round} ya existe en los datos de este distrito. Elija otro nombre, o empiece con sus respuestas.',
		'assess.new.draftExists': 'Ya hay un borrador de la ronda {round} en este navegador.',
		'assess.new.start': '¿Cómo empezar?',
		'assess.new.prefill': 'Con las respuestas y evidencias de la ronda {round}, para actualizarlas',
		'assess.new.prefillNone': 'Con las respuestas de la última ronda (este distrito no tiene)',
		'assess.new.prefillLoading': 'Con las respuestas de la última ronda (buscándola…)',
		'assess.new.empty': 'Vacía',
		'assess.new.submit': 'Empezar la ronda',

		'assess.round.title': 'Ronda {round}',
		'assess.round.missing':
			'No hay un borrador ni datos de la ronda {round} para este distrito en este navegador.',
		'assess.round.badUrl':
			'«{round}» no es un nombre de ronda válido (use 2025, 2025-S1 o 2025-S2).',

		'assess.view.nav': 'Vistas de la ronda',
		'assess.view.form': 'Formulario',
		'assess.view.workshop': 'Modo taller',
		'assess.view.summary': 'Resumen',
		'assess.view.print': 'Imprimir',

		'assess.save.saved': 'Guardado',
		'assess.save.saving': 'Guardando…',
		'assess.save.failed': 'No se pudo guardar',
		'assess.save.stopped': 'Sin guardar: hay una versión más reciente',
		'assess.save.dataRound': 'Ronda de los datos cargados: solo lectura',
		'assess.export.draft': 'Exportar borrador',
		'assess.export.round': 'Exportar ronda (CSV)',

		'assess.storage.title': 'Sus respuestas no se están guardando en este navegador.',
		'assess.storage.quota':
			'El almacenamiento del navegador está lleno. Libere espacio (borre datos de otros sitios) o use otro navegador.',
		'assess.storage.unavailable':
			'Este navegador no permite guardar datos (por ejemplo, en una ventana privada o con el almacenamiento desactivado).',
		'assess.storage.other': 'El navegador rechazó la escritura: {detail}',
		'assess.storage.keep':
			'Lo que escribió sigue en esta página, pero se perderá al cerrarla o recargarla. Exporte el borrador ahora y vuelva a importarlo después.',
		'assess.storage.backup':
			'Hay una copia de lo que escribió en este navegador, que volverá al abrir de nuevo esta ronda aquí; pero no es un lugar seguro: exporte el borrador.',
		'assess.conflict.title': 'Otra pestaña guardó cambios más recientes en esta ronda.',
		'assess.conflict.text':
			'Esta pestaña dejó de guardar para no sobrescribirlos. Exporte lo que escribió aquí si lo necesita, y cargue la versión más reciente.',
		'assess.conflict.export': 'Exportar lo de esta pestaña',
		'assess.conflict.reload': 'Cargar la versión más reciente',
		'assess.superseded.title': 'Esta ronda está abierta en otra pestaña o ventana.',
		'assess.superseded.text':
			'Para no sobrescribir sus respuestas, aquí solo se muestra la ronda (se actualiza sola).',
		'assess.superseded.continue': 'Continuar en esta pestaña',
		'assess.completed.text':
			'Ronda completada ({when}). Ya forma parte de los datos de todos los tableros.',
		'assess.completed.reopen': 'Reabrir para corregir',
		'assess.engineWrite':
			'Quedó guardado en este navegador, pero no se pudo actualizar el motor de datos: {detail}. Se aplicará al recargar la página.',

		'assess.domainNav': 'Dominios del formulario',
		'assess.progress': '{answered} de {applicable} respondidos',
		'assess.field.guidance': 'Qué cuenta como evidencia',
		'assess.field.evidence': 'Evidencia',
		'assess.field.evidenceRequired': '(obligatoria para Cumple y Parcial)',
		'assess.field.url': 'Enlace a la fuente',
		'assess.field.urlInvalid': 'Use un enlace que empiece por http:// o https://.',
		'assess.field.openUrl': 'Abrir el enlace',
		'assess.field.notes': 'Notas',
		'assess.field.addNotes': 'Añadir notas',

		'assess.missing.unanswered': 'Falta responder',
		'assess.missing.no_sabe': 'Responder en lugar de «No sabe»',
		'assess.missing.evidence': 'Falta la evidencia',
		'assess.missing.url': 'El enlace no es http ni https',

		'assess.scores.title': 'Puntajes en vivo',
		'assess.scores.titleDone': 'Puntajes de la ronda',
		'assess.scores.note':
			'Calculados con la misma consulta SQL que los tableros, sobre las respuestas de esta ronda.',
		'assess.scores.domain': 'Dominio',
		'assess.scores.score': 'Puntaje',
		'assess.scores.completeness': 'Respondidos',
		'assess.scores.change': 'Cambio',
		'assess.scores.answered': '{answered}/{applicable}',
		'assess.scores.overall': 'General',
		'assess.scores.complete': 'Completa',
		'assess.scores.overallEmpty':
			'El puntaje general aparece cuando los seis dominios tienen puntaje.',
		'assess.scores.loading': 'Calculando…',

		'assess.finish.title': 'Completar la ronda',
		'assess.finish.rules':
			'Para completarla, responda todos los indicadores que aplican (sin «No sabe») y anote la evidencia de cada Cumple y Parcial.',
		'assess.finish.button': 'Marcar la ronda como completa',
		'assess.finish.missing': 'Pendiente antes de completar la ronda ({count}):',
		'assess.finish.done':
			'Ronda completada. Sus puntajes ya aparecen en el observatorio y en la ficha del distrito.',
		'assess.finish.storage':
			'No se pudo guardar la ronda como completa en este navegador. Exporte el borrador para no perderla.',
		'assess.finish.already': 'Esta ronda ya está completa.',

		'assess.import.title': 'Importar respuestas desde un archivo CSV',
		'assess.import.intro':
			'Un archivo exportado desde aquí o una hoja de un colega (assessments.csv). Antes de cambiar nada se muestra qué cambiaría.',
		'assess.import.file': 'Archivo CSV',
		'assess.import.read': '{file}: {count} respuestas de la ronda {round}.',
		'assess.import.otherRounds': 'El archivo trae también las rondas {rounds}, que no se leyeron.',
		'assess.import.otherDistricts': 'Filas de otros distritos, no leídas: {count}.',
		'assess.import.problems': 'Filas que no se pueden usar ({count}):',
		'assess.import.changes': 'Indicadores que cambiarían ({count})',
		'assess.import.indicator': 'Indicador',
		'assess.import.field': 'Campo',
		'assess.import.now': 'Ahora',
		'assess.import.incoming': 'En el archivo',
		'assess.import.new': 'nuevo',
		'assess.import.apply': 'Aplicar los cambios ({count})',
		'assess.import.cancel': 'Descartar',
		'assess.import.noChanges': 'El archivo no cambia nada.',
		'assess.import.applied': 'Cambios aplicados: {count}.',
		'assess.import.fieldName.answer': 'Respuesta',
		'assess.import.fieldName.evidence': 'Evidencia',
		'assess.import.fieldName.source_url': 'Enlace',
		'assess.import.fieldName.notes': 'Notas',
		'assess.import.missing':
			'Faltan las columnas {columns}. La primera fila debe tener los nombres de las columnas (ubigeo, round, indicator_id, answer…).',
		'assess.import.at': 'Línea {line}, columna {column}: {text}',
		'assess.import.atLine': 'Línea {line}: {text}',
		'assess.import.problem.round':
			'«{value}» no es una ronda (use 2025, 2025-S1 o 2025-S2). Corrija la celda.',
		'assess.import.problem.indicator':
			'El indicador «{value}» no está en el marco cargado. Revise el código.',
		'assess.import.problem.answer': '«{value}» no es un valor admitido ({allowed}).',
		'assess.import.problem.url':
			'«{value}» no es un enlace http o https. Corríjalo o deje la celda vacía.',
		'assess.import.problem.timestamp':
			'«{value}» no es una fecha y hora ISO 8601; se usará la hora de la importación.',
		'assess.import.problem.duplicate':
			'«{value}» se repite (ya aparece en la línea {line}); se usa la primera.',
		'assess.import.problem.date': '«{value}» no es una fecha (use AAAA-MM-DD o DD/MM/AAAA).',
		'assess.import.problem.required': 'La celda es obligatoria y está vacía.',

		'assess.ws.title': 'Taller · {district} · Ronda {round}',
		'assess.ws.position': '{n} de {total}',
		'assess.ws.fullscreen': 'Pantalla completa',
		'assess.ws.exit': 'Salir',
		'assess.ws.answerFor': 'Respuesta del indicador {id}',
		'assess.ws.notes': 'Evidencia y notas',
		'assess.ws.closeNotes': 'Cerrar notas (Esc)',
		'assess.ws.openNotes': 'Notas (N)',
		'assess.ws.previous': 'Anterior',
		'assess.ws.next': 'Siguiente',
		'assess.ws.toSummary': 'Ver el resumen',
		'assess.ws.move': 'Avanzar o retroceder',
		'assess.ws.summaryTitle': 'Resumen del taller',
		'assess.ws.backToQuestions': 'Volver a las preguntas',
		'assess.ws.progress': 'Avance por dominio',
		'assess.ws.domainProgress': '{domain}: {answered} de {applicable} respondidos',
		'assess.ws.keys': 'Teclas: 1–5 responder · ← → mover · N notas · Esc salir',

		'assess.summary.unmet': 'Indicadores por cumplir ({count})',
		'assess.summary.unmetHint':
			'Respondidos «No cumple» o «Parcial». Cada uno puede convertirse en una acción del plan.',
		'assess.summary.noneUnmet': 'Ningún indicador respondido como «No cumple» o «Parcial».',
		'assess.summary.toAction': 'Convertir en acción',
		'assess.summary.hasAction': 'Acción {id} ({status})',
		'assess.summary.toPlan': 'Ver y editar el plan de acción',
		'assess.action.fromIndicator': 'Lograr que se cumpla: {text}',
		'assess.action.status.pendiente': 'Pendiente',
		'assess.action.status.en_curso': 'En curso',
		'assess.action.status.completada': 'Completada',
		'assess.action.status.cancelada': 'Cancelada',

		'assess.plan.title': 'Plan de acción',
		'assess.plan.intro':
			'Lo que el distrito hará con los indicadores que aún no cumple: quién, para cuándo y en qué estado está. Aparece en la ficha del distrito.',
		'assess.plan.new': 'Nueva acción',
		'assess.plan.export': 'Exportar plan (CSV)',
		'assess.plan.import': 'Importar un plan (CSV)',
		'assess.plan.importChanges': 'Acciones que cambiarían ({count})',
		'assess.plan.importNew': 'Nueva: {description}',
		'assess.plan.whatChanges': 'Qué cambia',
		'assess.plan.newTitle': 'Nueva acción {id}',
		'assess.plan.editTitle': 'Editar la acción {id}',
		'assess.plan.field.action_id': 'Código',
		'assess.plan.field.ubigeo': 'Distrito',
		'assess.plan.field.description': 'Descripción',
		'assess.plan.field.indicator_id': 'Indicador',
		'assess.plan.field.responsible': 'Responsable',
		'assess.plan.field.due_date': 'Plazo',
		'assess.plan.field.status': 'Estado',
		'assess.plan.field.completed_on': 'Completada el',
		'assess.plan.noIndicator': '— Sin indicador —',
		'assess.plan.needDescription': 'Describa la acción.',
		'assess.plan.save': 'Guardar la acción',
		'assess.plan.cancel': 'Cancelar',
		'assess.plan.empty': 'Este distrito todavía no tiene acciones.',
		'assess.plan.action': 'Acción',
		'assess.plan.change': 'Cambiar',
		'assess.plan.edit': 'Editar',
		'assess.plan.close': 'Marcar completada',
		'assess.plan.linked': 'Indicador {id}: {text}',
		'assess.plan.overdue': 'Vencida hace {days} días',
		'assess.plan.overdue.one': 'Vencida hace 1 día',
		'assess.plan.overdueFlag': 'Vencidas',
		'assess.plan.overdueCount': 'Acciones abiertas con el plazo vencido al {today}: {count}.',
		'assess.plan.storageKeep':
			'El cambio se ve aquí y en los tableros, pero se perderá al cerrar la página: exporte el plan.',

		'assess.print.blankLink':
			'Imprimir el formulario en blanco (para una reunión sin computadoras)',
		'assess.print.button': 'Imprimir',
		'assess.print.back': 'Volver',
		'assess.print.blankHint':
			'Vista previa del formulario en blanco. Al imprimir se quitan los menús y cada pregunta queda entera en su página.',
		'assess.print.filledHint':
			'Vista previa del formulario con las respuestas de esta ronda. Al imprimir se quitan los menús.',
		'assess.print.title': 'Autoevaluación de gobernanza migratoria local',
		'assess.print.district': 'Distrito',
		'assess.print.round': 'Ronda',
		'assess.print.date': 'Fecha',
		'assess.print.people': 'Participantes',
		'assess.print.instructions':
			'Marque una respuesta por indicador. «No aplica» saca el indicador del dominio; «No sabe» lo deja sin responder. Para «Cumple» y «Parcial» anote la evidencia (ordenanza, resolución, registro) y, si la hay, su enlace.',
		'assess.print.source': 'Fuente (enlace)',
		'assess.print.marked': 'marcada',
		'assess.print.sign': 'Responsable de la información (nombre, cargo y firma):',

		// The action plan and the Integra server (server mode)
		'assess.plan.sync.intro':
			'Cada cambio se guarda primero en este equipo y luego en el servidor de Integra, con su nombre y la hora: la UIM lo ve.',
		'assess.plan.sync.localOnly':
			'Los cambios se guardan en este equipo. Solo un funcionario o funcionaria del distrito, con la sesión iniciada, los envía al servidor.',
		'assess.plan.sync.local': 'Acción {id}: guardada en este equipo.',
		'assess.plan.sync.sending': 'Acción {id}: guardada en este equipo; enviándola al servidor…',
		'assess.plan.sync.server': 'Acción {id}: guardada en el servidor (versión {version}).',
		'assess.plan.sync.failed':
			'Acción {id}: no se pudo enviar: se guardó en este equipo. Se enviará al volver a esta página, o ahora con «Enviar al servidor».',
		'assess.plan.sync.rejected':
			'Acción {id}: el servidor no la aceptó ({message}). Se guardó en este equipo.',
		'assess.plan.sync.conflict':
			'Acción {id}: otra persona la cambió en el servidor (versión {version}, {by}, {at}). Su cambio se guardó en este equipo, sin enviar. ¿Cuál vale?',
		'assess.plan.sync.theirs': 'En el servidor',
		'assess.plan.sync.keepMine': 'Enviar la mía al servidor',
		'assess.plan.sync.takeServer': 'Usar la del servidor',
		'assess.plan.sync.pending':
			'Cambios guardados solo en este equipo, sin enviar al servidor: {count}.',
		'assess.plan.sync.sendNow': 'Enviar al servidor',
		'assess.plan.sync.unread':
			'No se pudo leer el plan del servidor: los cambios se guardan en este equipo y se envían cuando responda.',
		'assess.plan.sync.tag': 'sin enviar',
		'assess.plan.sync.someone': 'otra cuenta'
	},
	en: {
		'assess.title': 'Self-assessment of {district}',
		'assess.noFramework':
			'The loaded indicator framework has no policy indicators (kind = policy): there are no questions to answer. Load a valid framework.csv on the data page.',
		'assess.loadingDraft': 'Opening the round…',
		'assess.backToRounds': "Back to the district's rounds",
		'assess.toProfile': 'District profile of {district}',

		'assess.answer.cumple': 'Met',
		'assess.answer.parcial': 'Partly met',
		'assess.answer.no_cumple': 'Not met',
		'assess.answer.no_aplica': 'Not applicable',
		'assess.answer.no_sabe': "Don't know",

		'assess.rounds.title': 'Self-assessment rounds',
		'assess.rounds.intro':
			"Each round is a complete self-assessment of {district}. Rounds in the loaded data can be viewed; this browser's drafts can be continued.",
		'assess.rounds.none': 'This district has no rounds yet. Start the first one below.',
		'assess.rounds.round': 'Round',
		'assess.rounds.status': 'Status',
		'assess.rounds.overall': 'Overall score',
		'assess.rounds.progress': 'Progress',
		'assess.rounds.open': 'Open',
		'assess.rounds.status.draft': 'Draft',
		'assess.rounds.status.local': 'Completed in this browser',
		'assess.rounds.status.data': 'Loaded data',
		'assess.rounds.answered': '{answered} of {total} indicators answered',
		'assess.rounds.saved': 'saved {when}',
		'assess.rounds.complete': 'Complete',
		'assess.rounds.incomplete': 'Incomplete',
		'assess.rounds.continue': 'Continue draft {round}',
		'assess.rounds.workshop': 'Workshop {round}',
		'assess.rounds.view': 'View round {round}',
		'assess.rounds.summary': 'Summary {round}',

		'assess.new.title': 'New round',
		'assess.new.name': 'Round name',
		'assess.new.nameHint': 'A year (2025) or a half-year (2025-S1, 2025-S2).',
		'assess.new.badName':
			'Write the year with four digits, or the year and the half: 2025, 2025-S1 or 2025-S2.',
		'assess.new.exists':
			"Round {round} already exists in this district's data. Choose another name, or start from its answers.",
		'assess.new.draftExists': 'There is already a draft of round {round} in this browser.',
		'assess.new.start': 'How to start?',
		'assess.new.prefill': 'With the answers and evidence of round {round}, to update them',
		'assess.new.prefillNone': "With the latest round's answers (this district has none)",
		'assess.new.prefillLoading': "With the latest round's answers (looking for it…)",
		'assess.new.empty': 'Empty',
		'assess.new.submit': 'Start the round',

		'assess.round.title': 'Round {round}',
		'assess.round.missing':
			'There is no draft and no data of round {round} for this district in this browser.',
		'assess.round.badUrl': '“{round}” is not a valid round name (use 2025, 2025-S1 or 2025-S2).',

		'assess.view.nav': 'Views of the round',
		'assess.view.form': 'Form',
		'assess.view.workshop': 'Workshop mode',
		'assess.view.summary': 'Summary',
		'assess.view.print': 'Print',

		'assess.save.saved': 'Saved',
		'assess.save.saving': 'Saving…',
		'assess.save.failed': 'Could not save',
		'assess.save.stopped': 'Not saving: there is a newer version',
		'assess.save.dataRound': 'Round from the loaded data: read-only',
		'assess.export.draft': 'Export draft',
		'assess.export.round': 'Export round (CSV)',

		'assess.storage.title': 'Your answers are not being saved in this browser.',
		'assess.storage.quota':
			"The browser's storage is full. Free some space (clear other sites' data) or use another browser.",
		'assess.storage.unavailable':
			'This browser does not allow saving data (for example in a private window, or with storage turned off).',
		'assess.storage.other': 'The browser refused to write: {detail}',
		'assess.storage.keep':
			'What you typed is still on this page, but will be lost when you close or reload it. Export the draft now and import it again later.',
		'assess.storage.backup':
			'A copy of what you typed is kept in this browser and comes back when you open this round here again; but it is not a safe place: export the draft.',
		'assess.conflict.title': 'Another tab saved newer changes to this round.',
		'assess.conflict.text':
			'This tab stopped saving so as not to overwrite them. Export what you typed here if you need it, and load the newest version.',
		'assess.conflict.export': "Export this tab's version",
		'assess.conflict.reload': 'Load the newest version',
		'assess.superseded.title': 'This round is open in another tab or window.',
		'assess.superseded.text':
			'So that its answers are not overwritten, this tab only shows the round (it updates by itself).',
		'assess.superseded.continue': 'Continue in this tab',
		'assess.completed.text':
			'Round completed ({when}). It is now part of the data of every dashboard.',
		'assess.completed.reopen': 'Reopen to correct',
		'assess.engineWrite':
			'It is saved in this browser, but the data engine could not be updated: {detail}. It will be applied when the page is reloaded.',

		'assess.domainNav': 'Domains of the form',
		'assess.progress': '{answered} of {applicable} answered',
		'assess.field.guidance': 'What counts as evidence',
		'assess.field.evidence': 'Evidence',
		'assess.field.evidenceRequired': '(required for Met and Partly met)',
		'assess.field.url': 'Link to the source',
		'assess.field.urlInvalid': 'Use a link that starts with http:// or https://.',
		'assess.field.openUrl': 'Open the link',
		'assess.field.notes': 'Notes',
		'assess.field.addNotes': 'Add notes',

		'assess.missing.unanswered': 'Not answered',
		'assess.missing.no_sabe': 'Answer instead of “Don’t know”',
		'assess.missing.evidence': 'Evidence missing',
		'assess.missing.url': 'The link is neither http nor https',

		'assess.scores.title': 'Live scores',
		'assess.scores.titleDone': 'Scores of the round',
		'assess.scores.note': "Computed by the dashboards' own SQL query, on this round's answers.",
		'assess.scores.domain': 'Domain',
		'assess.scores.score': 'Score',
		'assess.scores.completeness': 'Answered',
		'assess.scores.change': 'Change',
		'assess.scores.answered': '{answered}/{applicable}',
		'assess.scores.overall': 'Overall',
		'assess.scores.complete': 'Complete',
		'assess.scores.overallEmpty': 'The overall score appears once all six domains have a score.',
		'assess.scores.loading': 'Computing…',

		'assess.finish.title': 'Complete the round',
		'assess.finish.rules':
			'To complete it, answer every applicable indicator (no “Don’t know”) and note the evidence of every Met and Partly met.',
		'assess.finish.button': 'Mark the round as complete',
		'assess.finish.missing': 'Still to do before the round can be completed ({count}):',
		'assess.finish.done':
			"Round completed. Its scores now appear in the observatory and on the district's profile.",
		'assess.finish.storage':
			'The round could not be saved as complete in this browser. Export the draft so as not to lose it.',
		'assess.finish.already': 'This round is already complete.',

		'assess.import.title': 'Import answers from a CSV file',
		'assess.import.intro':
			"A file exported from here or a colleague's sheet (assessments.csv). What would change is shown before anything changes.",
		'assess.import.file': 'CSV file',
		'assess.import.read': '{file}: {count} answers of round {round}.',
		'assess.import.otherRounds': 'The file also has rounds {rounds}, which were not read.',
		'assess.import.otherDistricts': 'Rows of other districts, not read: {count}.',
		'assess.import.problems': 'Rows that cannot be used ({count}):',
		'assess.import.changes': 'Indicators that would change ({count})',
		'assess.import.indicator': 'Indicator',
		'assess.import.field': 'Field',
		'assess.import.now': 'Now',
		'assess.import.incoming': 'In the file',
		'assess.import.new': 'new',
		'assess.import.apply': 'Apply the changes ({count})',
		'assess.import.cancel': 'Discard',
		'assess.import.noChanges': 'The file changes nothing.',
		'assess.import.applied': 'Changes applied: {count}.',
		'assess.import.fieldName.answer': 'Answer',
		'assess.import.fieldName.evidence': 'Evidence',
		'assess.import.fieldName.source_url': 'Link',
		'assess.import.fieldName.notes': 'Notes',
		'assess.import.missing':
			'Columns {columns} are missing. The first row must hold the column names (ubigeo, round, indicator_id, answer…).',
		'assess.import.at': 'Line {line}, column {column}: {text}',
		'assess.import.atLine': 'Line {line}: {text}',
		'assess.import.problem.round':
			'“{value}” is not a round (use 2025, 2025-S1 or 2025-S2). Correct the cell.',
		'assess.import.problem.indicator':
			'Indicator “{value}” is not in the loaded framework. Check the code.',
		'assess.import.problem.answer': '“{value}” is not an accepted value ({allowed}).',
		'assess.import.problem.url':
			'“{value}” is not an http or https link. Correct it or leave the cell empty.',
		'assess.import.problem.timestamp':
			'“{value}” is not an ISO 8601 date and time; the time of the import is used.',
		'assess.import.problem.duplicate':
			'“{value}” is repeated (it already appears on line {line}); the first one is used.',
		'assess.import.problem.date': '“{value}” is not a date (use YYYY-MM-DD or DD/MM/YYYY).',
		'assess.import.problem.required': 'The cell is required and empty.',

		'assess.ws.title': 'Workshop · {district} · Round {round}',
		'assess.ws.position': '{n} of {total}',
		'assess.ws.fullscreen': 'Full screen',
		'assess.ws.exit': 'Leave',
		'assess.ws.answerFor': 'Answer to indicator {id}',
		'assess.ws.notes': 'Evidence and notes',
		'assess.ws.closeNotes': 'Close notes (Esc)',
		'assess.ws.openNotes': 'Notes (N)',
		'assess.ws.previous': 'Previous',
		'assess.ws.next': 'Next',
		'assess.ws.toSummary': 'See the summary',
		'assess.ws.move': 'Move forward or back',
		'assess.ws.summaryTitle': 'Workshop summary',
		'assess.ws.backToQuestions': 'Back to the questions',
		'assess.ws.progress': 'Progress by domain',
		'assess.ws.domainProgress': '{domain}: {answered} of {applicable} answered',
		'assess.ws.keys': 'Keys: 1–5 answer · ← → move · N notes · Esc leave',

		'assess.summary.unmet': 'Indicators to work on ({count})',
		'assess.summary.unmetHint':
			'Answered “Not met” or “Partly met”. Each one can become an action of the plan.',
		'assess.summary.noneUnmet': 'No indicator answered “Not met” or “Partly met”.',
		'assess.summary.toAction': 'Turn into an action',
		'assess.summary.hasAction': 'Action {id} ({status})',
		'assess.summary.toPlan': 'See and edit the action plan',
		'assess.action.fromIndicator': 'Achieve: {text}',
		'assess.action.status.pendiente': 'Pending',
		'assess.action.status.en_curso': 'In progress',
		'assess.action.status.completada': 'Completed',
		'assess.action.status.cancelada': 'Cancelled',

		'assess.plan.title': 'Action plan',
		'assess.plan.intro':
			'What the district will do about the indicators it does not meet yet: who, by when, and how it stands. It appears on the district profile.',
		'assess.plan.new': 'New action',
		'assess.plan.export': 'Export plan (CSV)',
		'assess.plan.import': 'Import a plan (CSV)',
		'assess.plan.importChanges': 'Actions that would change ({count})',
		'assess.plan.importNew': 'New: {description}',
		'assess.plan.whatChanges': 'What changes',
		'assess.plan.newTitle': 'New action {id}',
		'assess.plan.editTitle': 'Edit action {id}',
		'assess.plan.field.action_id': 'Code',
		'assess.plan.field.ubigeo': 'District',
		'assess.plan.field.description': 'Description',
		'assess.plan.field.indicator_id': 'Indicator',
		'assess.plan.field.responsible': 'Responsible',
		'assess.plan.field.due_date': 'Due date',
		'assess.plan.field.status': 'Status',
		'assess.plan.field.completed_on': 'Completed on',
		'assess.plan.noIndicator': '— No indicator —',
		'assess.plan.needDescription': 'Describe the action.',
		'assess.plan.save': 'Save the action',
		'assess.plan.cancel': 'Cancel',
		'assess.plan.empty': 'This district has no actions yet.',
		'assess.plan.action': 'Action',
		'assess.plan.change': 'Change',
		'assess.plan.edit': 'Edit',
		'assess.plan.close': 'Mark completed',
		'assess.plan.linked': 'Indicator {id}: {text}',
		'assess.plan.overdue': 'Overdue by {days} days',
		'assess.plan.overdue.one': 'Overdue by 1 day',
		'assess.plan.overdueFlag': 'Overdue',
		'assess.plan.overdueCount': 'Open actions past their due date as of {today}: {count}.',
		'assess.plan.storageKeep':
			'The change shows here and on the dashboards, but will be lost when the page is closed: export the plan.',

		'assess.print.blankLink': 'Print the blank form (for a meeting without computers)',
		'assess.print.button': 'Print',
		'assess.print.back': 'Back',
		'assess.print.blankHint':
			'Preview of the blank form. Printing drops the menus and keeps each question whole on its page.',
		'assess.print.filledHint':
			"Preview of the form with this round's answers. Printing drops the menus.",
		'assess.print.title': 'Local migration governance self-assessment',
		'assess.print.district': 'District',
		'assess.print.round': 'Round',
		'assess.print.date': 'Date',
		'assess.print.people': 'Participants',
		'assess.print.instructions':
			'Tick one answer per indicator. “Not applicable” takes the indicator out of its domain; “Don’t know” leaves it unanswered. For “Met” and “Partly met”, note the evidence (ordinance, resolution, register) and its link, if any.',
		'assess.print.source': 'Source (link)',
		'assess.print.marked': 'ticked',
		'assess.print.sign': 'Person responsible for the information (name, position and signature):',

		// The action plan and the Integra server (server mode)
		'assess.plan.sync.intro':
			'Each change is saved on this device first, then on the Integra server, with your name and the time: the UIM sees it.',
		'assess.plan.sync.localOnly':
			'Changes are saved on this device. Only an official of the district, signed in, sends them to the server.',
		'assess.plan.sync.local': 'Action {id}: saved on this device.',
		'assess.plan.sync.sending': 'Action {id}: saved on this device; sending it to the server…',
		'assess.plan.sync.server': 'Action {id}: saved on the server (version {version}).',
		'assess.plan.sync.failed':
			'Action {id}: could not be sent: it was saved on this device. It will be sent when you come back to this page, or now with “Send to the server”.',
		'assess.plan.sync.rejected':
			'Action {id}: the server did not accept it ({message}). It was saved on this device.',
		'assess.plan.sync.conflict':
			'Action {id}: someone else changed it on the server (version {version}, {by}, {at}). Your change was saved on this device, not sent. Which one stands?',
		'assess.plan.sync.theirs': 'On the server',
		'assess.plan.sync.keepMine': 'Send mine to the server',
		'assess.plan.sync.takeServer': 'Use the server’s',
		'assess.plan.sync.pending':
			'Changes saved only on this device, not yet sent to the server: {count}.',
		'assess.plan.sync.sendNow': 'Send to the server',
		'assess.plan.sync.unread':
			'The server’s plan could not be read: changes are saved on this device and sent when it answers.',
		'assess.plan.sync.tag': 'not sent',
		'assess.plan.sync.someone': 'another account'
	}
});
export default area;
