import { defineArea } from '../types';

// The indicator × district matrix (/indicadores).
const area = defineArea({
	es: {
		'matrix.nav': 'Indicadores',
		'matrix.title': 'Cada indicador en todos los distritos',
		'matrix.intro':
			'La respuesta de cada distrito autoevaluado a cada indicador de política en una ronda, con cuántos distritos cumplen, cumplen en parte o no cumplen. Sirve para ver qué indicadores fallan más y qué deberían enseñar los próximos talleres.',
		'matrix.link': 'Ver cada indicador en todos los distritos',
		'matrix.controls': 'Filtros de la matriz de indicadores',
		'matrix.round': 'Ronda',
		'matrix.domain': 'Dominio',
		'matrix.domain.all': 'Todos los dominios',
		'matrix.province': 'Provincia',
		'matrix.province.all': 'Todas las provincias',
		'matrix.sort': 'Ordenar filas',
		'matrix.sort.id': 'Por dominio e indicador',
		'matrix.sort.no_cumple': 'Más distritos que no cumplen primero',
		'matrix.sort.share': 'Menor porcentaje que cumple primero',
		'matrix.compare': 'Comparar mi distrito',
		'matrix.compare.none': 'Ninguno: todos los distritos',
		'matrix.caption': 'Indicadores por distrito, ronda {round}',
		'matrix.caption.compare':
			'{district} frente a la distribución anónima de los otros distritos, ronda {round}',
		'matrix.description':
			'Cada fila es un indicador; los recuentos cuentan los distritos autoevaluados en la ronda según su respuesta, y «% cumple» es cumple entre los distritos a los que el indicador aplica. Active un indicador para ver su guía y la evidencia de cada distrito.',
		'matrix.description.compare':
			'Los recuentos son de los otros {count} distritos autoevaluados, sin nombres; la última columna es la respuesta de {district}.',
		'matrix.summary':
			'{indicators} indicadores · {districts} distritos autoevaluados en la ronda {round}',
		'matrix.col.indicator': 'Indicador',
		'matrix.col.share': '% cumple',
		'matrix.col.mine': 'Respuesta de {district}',
		'matrix.answer.cumple': 'Cumple',
		'matrix.answer.parcial': 'Parcial',
		'matrix.answer.no_cumple': 'No cumple',
		'matrix.answer.no_aplica': 'No aplica',
		'matrix.answer.no_sabe': 'No sabe',
		'matrix.answer.sin_respuesta': 'Sin respuesta',
		'matrix.legend': 'Símbolos de las respuestas',
		'matrix.cell': '{district}: {answer}',
		'matrix.open': 'Guía y evidencias de {id}',
		'matrix.guidance': 'Qué cuenta como evidencia',
		'matrix.guidance.none': 'El marco de indicadores no da guía para este indicador.',
		'matrix.evidence': 'Evidencia de cada distrito',
		'matrix.evidence.own': 'Evidencia de {district}',
		'matrix.evidence.none': 'sin evidencia',
		'matrix.evidence.source': 'fuente',
		'matrix.csv': 'Descargar CSV',
		'matrix.csv.error': 'No se pudo preparar el CSV: {message}',
		'matrix.empty': 'Ningún distrito tiene autoevaluación en la ronda {round} con estos filtros.',
		'matrix.notAssessed':
			'{district} no tiene autoevaluación en la ronda {round}: se muestran solo los demás distritos.',
		'matrix.noRounds': 'Los datos cargados no tienen autoevaluaciones.'
	},
	en: {
		'matrix.nav': 'Indicators',
		'matrix.title': 'Each indicator across all districts',
		'matrix.intro':
			'The answer of every self-assessed district to every policy indicator in one round, with how many districts meet it, partly meet it or do not meet it. It shows which indicators fail most, and what the next workshops should teach.',
		'matrix.link': 'See each indicator across all districts',
		'matrix.controls': 'Filters of the indicator matrix',
		'matrix.round': 'Round',
		'matrix.domain': 'Domain',
		'matrix.domain.all': 'All domains',
		'matrix.province': 'Province',
		'matrix.province.all': 'All provinces',
		'matrix.sort': 'Sort rows',
		'matrix.sort.id': 'By domain and indicator',
		'matrix.sort.no_cumple': 'Most districts not meeting it first',
		'matrix.sort.share': 'Lowest share met first',
		'matrix.compare': 'Compare my district',
		'matrix.compare.none': 'None: all districts',
		'matrix.caption': 'Indicators by district, round {round}',
		'matrix.caption.compare':
			'{district} against the anonymous distribution of the other districts, round {round}',
		'matrix.description':
			'Each row is an indicator; the counts are the districts self-assessed in the round by their answer, and "% met" is those that meet it among the districts where it applies. Open an indicator to see its guidance and the evidence each district gave.',
		'matrix.description.compare':
			"The counts are of the other {count} self-assessed districts, without names; the last column is {district}'s answer.",
		'matrix.summary':
			'{indicators} indicators · {districts} districts self-assessed in round {round}',
		'matrix.col.indicator': 'Indicator',
		'matrix.col.share': '% met',
		'matrix.col.mine': "{district}'s answer",
		'matrix.answer.cumple': 'Met',
		'matrix.answer.parcial': 'Partly met',
		'matrix.answer.no_cumple': 'Not met',
		'matrix.answer.no_aplica': 'Not applicable',
		'matrix.answer.no_sabe': "Don't know",
		'matrix.answer.sin_respuesta': 'No answer',
		'matrix.legend': 'Answer symbols',
		'matrix.cell': '{district}: {answer}',
		'matrix.open': 'Guidance and evidence for {id}',
		'matrix.guidance': 'What counts as evidence',
		'matrix.guidance.none': 'The indicator framework gives no guidance for this indicator.',
		'matrix.evidence': 'Evidence from each district',
		'matrix.evidence.own': 'Evidence from {district}',
		'matrix.evidence.none': 'no evidence',
		'matrix.evidence.source': 'source',
		'matrix.csv': 'Download CSV',
		'matrix.csv.error': 'The CSV could not be prepared: {message}',
		'matrix.empty': 'No district has a self-assessment in round {round} with these filters.',
		'matrix.notAssessed':
			'{district} has no self-assessment in round {round}: only the other districts are shown.',
		'matrix.noRounds': 'The loaded data have no self-assessments.'
	}
});

export default area;
