import type { Area } from '../types';

const area: Area = {
	es: {
		'observatory.title': 'Observatorio de gobernanza migratoria',
		'observatory.intro':
			'Autoevaluación de los distritos de Lima Metropolitana y Callao en los seis dominios de los Indicadores de Gobernanza de la Migración (IGM) a nivel local, y actividades de asistencia técnica de la UIM.',
		'observatory.keyFigures': 'Cifras clave',
		'kf.assessed': 'Distritos autoevaluados en {round}',
		'kf.assessed.of': 'de {total} distritos',
		'kf.meanScore': 'Puntaje general promedio {round}',
		'kf.meanScore.note': 'sobre {count} distritos con los seis dominios puntuados',
		'kf.activities': 'Actividades en {year}',
		'kf.participants': 'Participantes en {year}',
		'kf.none': 'sin datos',
		'heatmap.title': 'Puntaje por distrito y dominio, ronda {round}',
		'heatmap.description':
			'Puntaje de autoevaluación (0–100) de cada distrito en los seis dominios; los distritos están en orden alfabético y las celdas grises no tienen respuestas.',
		'heatmap.cell': '{district}, {domain}: {score}',
		'heatmap.cell.level': '{district}, {domain}: {score} ({level})',
		'heatmap.cell.empty': '{district}, {domain}: sin datos',
		'table.district': 'Distrito',
		'table.province': 'Provincia',
		'table.overall': 'General',
		'chart.showTable': 'Ver tabla',
		'chart.hideTable': 'Ocultar tabla',
		'chart.tableOf': 'Tabla: {title}',
		'legend.levels': 'Niveles',
		'legend.noData': 'sin datos'
	},
	en: {
		'observatory.title': 'Migration governance observatory',
		'observatory.intro':
			'Self-assessment of the districts of Metropolitan Lima and Callao across the six domains of the local Migration Governance Indicators (MGI), and the UIM’s technical-assistance activities.',
		'observatory.keyFigures': 'Key figures',
		'kf.assessed': 'Districts assessed in {round}',
		'kf.assessed.of': 'of {total} districts',
		'kf.meanScore': 'Mean overall score {round}',
		'kf.meanScore.note': 'over {count} districts with all six domains scored',
		'kf.activities': 'Activities in {year}',
		'kf.participants': 'Participants in {year}',
		'kf.none': 'no data',
		'heatmap.title': 'Score by district and domain, round {round}',
		'heatmap.description':
			'Self-assessment score (0–100) of each district in the six domains; districts are in alphabetical order and grey cells have no answers.',
		'heatmap.cell': '{district}, {domain}: {score}',
		'heatmap.cell.level': '{district}, {domain}: {score} ({level})',
		'heatmap.cell.empty': '{district}, {domain}: no data',
		'table.district': 'District',
		'table.province': 'Province',
		'table.overall': 'Overall',
		'chart.showTable': 'Show table',
		'chart.hideTable': 'Hide table',
		'chart.tableOf': 'Table: {title}',
		'legend.levels': 'Levels',
		'legend.noData': 'no data'
	}
};
export default area;
