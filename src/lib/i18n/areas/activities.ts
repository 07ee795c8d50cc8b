import { defineArea } from '../types';

/** Strings of /actividades (the activities dashboard and the activity log). */
const area = defineArea({
	es: {
		'nav.activities': 'Actividades',
		'act.title': 'Actividades',
		'act.intro':
			'Sesiones informativas, conversatorios, desayunos migratorios, asistencias técnicas y campañas: a qué distritos, sectores y temas llegaron, quiénes asistieron y qué distritos no recibieron ninguna actividad.',
		'act.activities': 'Actividades',
		'act.participants': 'Participantes',
		'act.district': 'Distrito',
		'act.province': 'Provincia',
		'act.migrantPopulation': 'Población migrante',
		'act.migrantsReached': 'Personas migrantes participantes',
		'act.notRecorded': 'Sin registrar',
		'act.partner.none': 'Sin socio',
		'act.empty':
			'Ninguna actividad coincide con esta selección. Quite algún filtro o elija otro período.',
		'act.cube.building': 'Preparando el resumen de actividades…',
		'act.updating': 'Actualizando…',
		'act.noData': 'No hay actividades cargadas: el registro está vacío.',
		'act.noData.link': 'Cargar un archivo activities.csv',
		'act.breakdowns': '¿Qué tipo de actividades, para quién y sobre qué?',
		'act.crossfilter.hint':
			'Haga clic (o pulse Enter) en una barra, un mes o un distrito para filtrar todas las demás vistas; vuelva a hacer clic para quitar el filtro. Cada gráfico muestra los datos filtrados por todas las selecciones excepto la suya.',

		'act.filters.title': 'Filtros',
		'act.filters.period': 'Período',
		'act.filters.years': 'Años',
		'act.filters.range': 'Rango de fechas',
		'act.filters.fromYear': 'Desde el año',
		'act.filters.toYear': 'Hasta el año',
		'act.filters.fromDate': 'Desde',
		'act.filters.toDate': 'Hasta',
		'act.filters.apply': 'Aplicar',
		'act.filters.provinces': 'Provincia',
		'act.filters.districts': 'Distritos',

		'act.dim.type': 'Tipo de actividad',
		'act.dim.audience': 'Público',
		'act.dim.topic': 'Tema',
		'act.dim.modality': 'Modalidad',
		'act.dim.partner': 'Socio',

		'act.chip.title': 'Filtros activos',
		'act.chip.none': 'Sin filtros: todas las actividades del período.',
		'act.chip.month': 'Mes',
		'act.chip.province': 'Provincia',
		'act.chip.district': 'Distrito',
		'act.chip.remove': 'Quitar el filtro {filter}',
		'act.chip.clear': 'Quitar todos los filtros',

		'act.kf.title': 'Cifras clave',
		'act.kf.activities': 'Actividades',
		'act.kf.participants': 'Participantes',
		'act.kf.districts_reached': 'Distritos alcanzados',
		'act.kf.reach_per_1000_migrants': 'Alcance por cada 1000 migrantes',
		'act.kf.women_share': 'Mujeres (% de quienes registraron sexo)',
		'act.kf.migrant_share': 'Personas migrantes (% de participantes)',
		'act.kf.virtual_share': 'Actividades virtuales',
		'act.kf.none': 'sin dato',
		'act.kf.change': '{change} frente a {period}',
		'act.kf.changePct': '{change} ({pct} %) frente a {period}',
		'act.kf.changePoints': '{change} puntos frente a {period}',
		'act.kf.noPrevious': 'sin dato para comparar con {period}',

		'act.trend.title': 'Actividades por mes',
		'act.trend.description':
			'Número de actividades de cada mes de {period}, apiladas por tipo. Haga clic en un mes para filtrar las demás vistas.',
		'act.trend.stack': 'Apilar por tipo de actividad',
		'act.trend.all': 'Todas las actividades',
		'act.trend.yLabel': 'Actividades',
		'act.trend.month': 'Mes',
		'act.trend.type': 'Tipo',

		'act.by.type': 'Por tipo de actividad',
		'act.by.audience': 'Por público',
		'act.by.topic': 'Por tema',
		'act.by.modality': 'Por modalidad',
		'act.by.partner': 'Por socio',
		'act.by.description':
			'Número de actividades por valor, con todos los filtros salvo el de esta categoría.',

		'act.participants.title': '¿Quiénes participaron?',
		'act.sex.title': 'Participantes por sexo',
		'act.sex.description':
			'Participantes según la hoja de asistencia; mujeres: {share} de quienes registraron su sexo.',
		'act.sex.women': 'Mujeres',
		'act.sex.men': 'Hombres',
		'act.origin.title': 'Personas migrantes y comunidad de acogida',
		'act.origin.description':
			'Participantes migrantes y de la comunidad de acogida; personas migrantes: {share} de quienes registraron su origen.',
		'act.origin.migrants': 'Personas migrantes',
		'act.origin.host': 'Comunidad de acogida',

		'act.reach.title': '¿A dónde llegamos?',
		'act.reach.metric': 'Alcance por cada 1000 migrantes',
		'act.reach.mapTitle': 'Alcance por cada 1000 migrantes, por distrito',
		'act.reach.description':
			'Personas migrantes participantes por cada 1000 migrantes que viven en el distrito, con todos los filtros salvo el de distrito. Haga clic en un distrito para filtrar las demás vistas.',
		'act.reach.barsTitle': 'Distritos ordenados por alcance',
		'act.reach.barsDescription':
			'Los mismos valores del mapa, de mayor a menor; un guion indica que no se conoce la población migrante del distrito.',

		'act.gaps.title': 'Distritos sin actividades',
		'act.gaps.description':
			'Distritos sin ninguna actividad de esta selección en {period}, ordenados por su población migrante: los primeros son las mayores brechas.',
		'act.gaps.caption': '{count} distritos sin actividades en {period}',
		'act.gaps.none': 'Todos los distritos recibieron al menos una actividad de esta selección.',

		'act.table.title': 'Actividades registradas',
		'act.table.count': '{count} actividades en la selección',
		'act.table.csv': 'Descargar CSV de la selección',
		'act.table.exporting': 'Preparando el CSV…',
		'act.table.exportError': 'No se pudo preparar el CSV: {message}',
		'act.table.empty': 'Ninguna actividad coincide con esta selección.',
		'act.table.pages': 'Páginas de la tabla de actividades',
		'act.table.first': 'Primera',
		'act.table.previous': 'Anterior',
		'act.table.next': 'Siguiente',
		'act.table.last': 'Última',
		'act.table.page': 'Página {page} de {pages}',
		'act.col.activity_id': 'Código',
		'act.col.date': 'Fecha',
		'act.col.ubigeo': 'Ubigeo',
		'act.col.district': 'Distrito',
		'act.col.type': 'Tipo',
		'act.col.audience': 'Público',
		'act.col.topic': 'Tema',
		'act.col.modality': 'Modalidad',
		'act.col.participants_total': 'Participantes',
		'act.col.participants_women': 'Mujeres',
		'act.col.participants_men': 'Hombres',
		'act.col.participants_migrants': 'Migrantes',
		'act.col.partner': 'Socio',

		'act.log.title': 'Registrar actividad',
		'act.log.open': 'Registrar una actividad',
		'act.log.close': 'Cerrar el formulario',
		'act.log.intro':
			'Se valida como una importación de activities.csv, se guarda en este navegador y se suma de inmediato a todas las cifras.',
		'act.log.choose': 'Elija…',
		'act.log.submit': 'Registrar actividad',
		'act.log.saving': 'Registrando…',
		'act.log.errors': 'La actividad no se registró. Corrija lo siguiente:',
		'act.log.saved': 'Actividad {id} registrada: ya cuenta en todas las cifras.',
		'act.log.removed': 'Actividad {id} eliminada de este navegador.',
		'act.log.failed': 'No se pudo registrar: {message}',
		'act.log.storeError':
			'Este navegador no puede guardar actividades (almacenamiento no disponible): {message}',
		'act.log.listTitle': 'Registradas en este navegador ({count})',
		'act.log.actions': 'Acciones',
		'act.log.remove': 'Eliminar',
		'act.log.removeOne': 'Eliminar la actividad {id}',
		'act.log.download': 'Descargar las actividades registradas (CSV)',

		// The activity log and the Integra server (server mode)
		'act.log.sync.intro':
			'Con su sesión de la UIM, cada actividad se guarda en este equipo y luego en el servidor de Integra, a su nombre.',
		'act.log.sync.localOnly':
			'Se guarda en este equipo. Solo el equipo de la UIM, con la sesión iniciada, registra actividades en el servidor.',
		'act.log.sync.sending': 'Actividad {id}: guardada en este equipo; enviándola al servidor…',
		'act.log.sync.server': 'Actividad {id}: guardada en el servidor.',
		'act.log.sync.failed':
			'Actividad {id}: no se pudo enviar: se guardó en este equipo. Se enviará al volver a esta página, o ahora con «Enviar al servidor».',
		'act.log.sync.rejected':
			'Actividad {id}: el servidor no la aceptó ({message}). Se guardó en este equipo.',
		'act.log.sync.pending':
			'Actividades guardadas solo en este equipo, sin enviar al servidor: {count}.',
		'act.log.sync.sendNow': 'Enviar al servidor',
		'act.log.sync.sent': 'Enviadas al servidor: {count}.',
		'act.log.col.where': 'Dónde está',
		'act.log.where.server': 'En el servidor',
		'act.log.where.device': 'Solo en este equipo'
	},
	en: {
		'nav.activities': 'Activities',
		'act.title': 'Activities',
		'act.intro':
			'Information sessions, discussion forums, migration breakfasts, technical assistance and campaigns: which districts, sectors and topics they reached, who came, and which districts received no activity at all.',
		'act.activities': 'Activities',
		'act.participants': 'Participants',
		'act.district': 'District',
		'act.province': 'Province',
		'act.migrantPopulation': 'Migrant population',
		'act.migrantsReached': 'Migrant participants',
		'act.notRecorded': 'Not recorded',
		'act.partner.none': 'No partner',
		'act.empty': 'No activity matches this selection. Remove a filter or choose another period.',
		'act.cube.building': 'Summarising the activities…',
		'act.updating': 'Updating…',
		'act.noData': 'No activities are loaded: the log is empty.',
		'act.noData.link': 'Load an activities.csv file',
		'act.breakdowns': 'What kind of activities, for whom and about what?',
		'act.crossfilter.hint':
			'Click (or press Enter on) a bar, a month or a district to filter every other view; click it again to remove the filter. Each chart shows the data filtered by every selection except its own.',

		'act.filters.title': 'Filters',
		'act.filters.period': 'Period',
		'act.filters.years': 'Years',
		'act.filters.range': 'Date range',
		'act.filters.fromYear': 'From year',
		'act.filters.toYear': 'To year',
		'act.filters.fromDate': 'From',
		'act.filters.toDate': 'To',
		'act.filters.apply': 'Apply',
		'act.filters.provinces': 'Province',
		'act.filters.districts': 'Districts',

		'act.dim.type': 'Activity type',
		'act.dim.audience': 'Audience',
		'act.dim.topic': 'Topic',
		'act.dim.modality': 'Modality',
		'act.dim.partner': 'Partner',

		'act.chip.title': 'Active filters',
		'act.chip.none': 'No filters: every activity of the period.',
		'act.chip.month': 'Month',
		'act.chip.province': 'Province',
		'act.chip.district': 'District',
		'act.chip.remove': 'Remove the filter {filter}',
		'act.chip.clear': 'Remove all filters',

		'act.kf.title': 'Key figures',
		'act.kf.activities': 'Activities',
		'act.kf.participants': 'Participants',
		'act.kf.districts_reached': 'Districts reached',
		'act.kf.reach_per_1000_migrants': 'Reach per 1,000 migrants',
		'act.kf.women_share': 'Women (% of those who recorded sex)',
		'act.kf.migrant_share': 'Migrants (% of participants)',
		'act.kf.virtual_share': 'Online activities',
		'act.kf.none': 'no data',
		'act.kf.change': '{change} against {period}',
		'act.kf.changePct': '{change} ({pct} %) against {period}',
		'act.kf.changePoints': '{change} points against {period}',
		'act.kf.noPrevious': 'no data to compare with {period}',

		'act.trend.title': 'Activities per month',
		'act.trend.description':
			'Number of activities in each month of {period}, stacked by type. Click a month to filter the other views.',
		'act.trend.stack': 'Stack by activity type',
		'act.trend.all': 'All activities',
		'act.trend.yLabel': 'Activities',
		'act.trend.month': 'Month',
		'act.trend.type': 'Type',

		'act.by.type': 'By activity type',
		'act.by.audience': 'By audience',
		'act.by.topic': 'By topic',
		'act.by.modality': 'By modality',
		'act.by.partner': 'By partner',
		'act.by.description':
			'Number of activities per value, with every filter except this category’s.',

		'act.participants.title': 'Who took part?',
		'act.sex.title': 'Participants by sex',
		'act.sex.description':
			'Participants as the attendance sheet records them; women: {share} of those whose sex was recorded.',
		'act.sex.women': 'Women',
		'act.sex.men': 'Men',
		'act.origin.title': 'Migrants and the host community',
		'act.origin.description':
			'Migrant and host-community participants; migrants: {share} of those whose origin was recorded.',
		'act.origin.migrants': 'Migrants',
		'act.origin.host': 'Host community',

		'act.reach.title': 'Where did we reach?',
		'act.reach.metric': 'Reach per 1,000 migrants',
		'act.reach.mapTitle': 'Reach per 1,000 migrants, by district',
		'act.reach.description':
			'Migrant participants per 1,000 migrants living in the district, with every filter except the district one. Click a district to filter the other views.',
		'act.reach.barsTitle': 'Districts by reach',
		'act.reach.barsDescription':
			'The values of the map, highest first; a dash means the district’s migrant population is unknown.',

		'act.gaps.title': 'Districts without activities',
		'act.gaps.description':
			'Districts with no activity of this selection in {period}, by migrant population: the first ones are the biggest gaps.',
		'act.gaps.caption': '{count} districts without activities in {period}',
		'act.gaps.none': 'Every district received at least one activity of this selection.',

		'act.table.title': 'Logged activities',
		'act.table.count': '{count} activities in the selection',
		'act.table.csv': 'Download the selection as CSV',
		'act.table.exporting': 'Preparing the CSV…',
		'act.table.exportError': 'The CSV could not be prepared: {message}',
		'act.table.empty': 'No activity matches this selection.',
		'act.table.pages': 'Pages of the activity table',
		'act.table.first': 'First',
		'act.table.previous': 'Previous',
		'act.table.next': 'Next',
		'act.table.last': 'Last',
		'act.table.page': 'Page {page} of {pages}',
		'act.col.activity_id': 'Code',
		'act.col.date': 'Date',
		'act.col.ubigeo': 'Ubigeo',
		'act.col.district': 'District',
		'act.col.type': 'Type',
		'act.col.audience': 'Audience',
		'act.col.topic': 'Topic',
		'act.col.modality': 'Modality',
		'act.col.participants_total': 'Participants',
		'act.col.participants_women': 'Women',
		'act.col.participants_men': 'Men',
		'act.col.participants_migrants': 'Migrants',
		'act.col.partner': 'Partner',

		'act.log.title': 'Log an activity',
		'act.log.open': 'Log an activity',
		'act.log.close': 'Close the form',
		'act.log.intro':
			'It is validated like an import of activities.csv, kept in this browser, and added to every figure at once.',
		'act.log.choose': 'Choose…',
		'act.log.submit': 'Log activity',
		'act.log.saving': 'Logging…',
		'act.log.errors': 'The activity was not logged. Please correct the following:',
		'act.log.saved': 'Activity {id} logged: every figure now counts it.',
		'act.log.removed': 'Activity {id} removed from this browser.',
		'act.log.failed': 'Could not log it: {message}',
		'act.log.storeError': 'This browser cannot keep activities (storage unavailable): {message}',
		'act.log.listTitle': 'Logged in this browser ({count})',
		'act.log.actions': 'Actions',
		'act.log.remove': 'Remove',
		'act.log.removeOne': 'Remove activity {id}',
		'act.log.download': 'Download the logged activities (CSV)',

		// The activity log and the Integra server (server mode)
		'act.log.sync.intro':
			'With your UIM account, each activity is saved on this device, then on the Integra server, under your name.',
		'act.log.sync.localOnly':
			'It is saved on this device. Only the UIM team, signed in, logs activities on the server.',
		'act.log.sync.sending': 'Activity {id}: saved on this device; sending it to the server…',
		'act.log.sync.server': 'Activity {id}: saved on the server.',
		'act.log.sync.failed':
			'Activity {id}: could not be sent: it was saved on this device. It will be sent when you come back to this page, or now with “Send to the server”.',
		'act.log.sync.rejected':
			'Activity {id}: the server did not accept it ({message}). It was saved on this device.',
		'act.log.sync.pending':
			'Activities saved only on this device, not yet sent to the server: {count}.',
		'act.log.sync.sendNow': 'Send to the server',
		'act.log.sync.sent': 'Sent to the server: {count}.',
		'act.log.col.where': 'Where it is',
		'act.log.where.server': 'On the server',
		'act.log.where.device': 'Only on this device'
	}
});
export default area;
