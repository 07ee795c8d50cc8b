import { toCsv, type Cell } from './format';

/**
 * The kind of document that proves an indicator, and a detail used to write
 * the evidence text (see assessments.ts):
 * - ordenanza: what the ordinance is about;
 * - resolucion: what the mayoral resolution does;
 * - directiva: the directive's title;
 * - convenio: the counterpart;
 * - registro: the register shown in a screenshot;
 * - informe: what the report counts;
 * - acta: the body whose minutes count;
 * - plan: the plan;
 * - publicacion: the campaign or page;
 * - lista: the training or event with an attendance list.
 */
export type EvidenceKind =
	| 'ordenanza'
	| 'resolucion'
	| 'directiva'
	| 'convenio'
	| 'registro'
	| 'informe'
	| 'acta'
	| 'plan'
	| 'publicacion'
	| 'lista';

export interface PolicyIndicator {
	id: string;
	domain: number;
	subarea: string;
	textEs: string;
	textEn: string;
	guidanceEs: string;
	guidanceEn: string;
	weight: number;
	evidence: [EvidenceKind, string];
	/** An action-plan line for a district that does not meet the indicator yet. */
	actionEs: string;
	/** The office usually responsible. */
	office: string;
	/** Why it may not apply to a district; indicators without it are rarely `no_aplica`. */
	notApplicableEs?: string;
}

export interface StatisticIndicator {
	id: string;
	domain: number;
	subarea: string;
	textEs: string;
	textEn: string;
	guidanceEs: string;
	guidanceEn: string;
	unit: 'count' | 'percent' | 'per_1000';
	higherIsBetter: boolean;
	/** Typical source, written into statistics.csv. */
	source: string;
}

type P = Omit<PolicyIndicator, 'domain' | 'subarea'>;

const GDS = 'Gerencia de Desarrollo Social';
const GDE = 'Gerencia de Desarrollo Económico';
const GRD = 'Subgerencia de Gestión del Riesgo de Desastres';
const GSC = 'Gerencia de Seguridad Ciudadana';
const GM = 'Gerencia Municipal';
const GPP = 'Gerencia de Planeamiento y Presupuesto';
const OCT = 'Oficina de Cooperación Técnica';

function group(domain: number, subarea: string, items: P[]): PolicyIndicator[] {
	return items.map((p) => ({ ...p, domain, subarea }));
}

const DOMAIN_1: PolicyIndicator[] = [
	...group(1, 'Acceso a trámites y servicios municipales', [
		{
			id: 'D1.01',
			textEs:
				'¿La municipalidad acepta el carné de extranjería, el Carné de Permiso Temporal de Permanencia (CPP) y el pasaporte como documentos de identidad en todos sus trámites (licencias, registros, programas sociales)?',
			textEn:
				"Does the municipality accept the foreigner's identity card (carné de extranjería), the Temporary Stay Permit Card (CPP) and the passport as identity documents in all its procedures (licences, registrations, social programmes)?",
			guidanceEs:
				'Cuenta el TUPA, una ordenanza o una directiva que nombre estos documentos. Una práctica no escrita cuenta como parcial.',
			guidanceEn:
				'Evidence: the TUPA (list of administrative procedures), an ordinance or a directive that names these documents. An unwritten practice counts as partial.',
			weight: 2,
			evidence: ['directiva', 'Aceptación de documentos de identidad de personas extranjeras'],
			actionEs:
				'Modificar el TUPA y las directivas internas para aceptar el carné de extranjería, el CPP y el pasaporte en todos los trámites.',
			office: 'Secretaría General'
		},
		{
			id: 'D1.02',
			textEs:
				'¿Las familias migrantes pueden inscribirse en el Programa del Vaso de Leche en las mismas condiciones que las familias peruanas?',
			textEn:
				'Can migrant families enrol in the Vaso de Leche (Glass of Milk) programme on the same terms as Peruvian families?',
			guidanceEs:
				'Padrón de beneficiarios con personas extranjeras inscritas (captura anonimizada) o directiva del programa que admita el carné de extranjería o el CPP.',
			guidanceEn:
				'The list of beneficiaries with foreign nationals enrolled (anonymised screenshot), or a programme directive that accepts the carné de extranjería or the CPP.',
			weight: 1.5,
			evidence: ['registro', 'padrón del Programa del Vaso de Leche'],
			actionEs:
				'Actualizar la directiva del Programa del Vaso de Leche para empadronar a familias migrantes con carné de extranjería, CPP o pasaporte.',
			office: 'Subgerencia de Programas Sociales'
		},
		{
			id: 'D1.03',
			textEs:
				'¿La municipalidad orienta y acompaña a las personas migrantes para su afiliación al Seguro Integral de Salud (SIS)?',
			textEn:
				'Does the municipality advise and accompany migrants to enrol in the Comprehensive Health Insurance (SIS)?',
			guidanceEs:
				'Registro de orientaciones o derivaciones al SIS, o un acuerdo con el establecimiento de salud.',
			guidanceEn:
				'A log of advice given or referrals to the SIS, or an agreement with the local health facility.',
			weight: 1,
			evidence: ['informe', '{n} orientaciones para la afiliación al SIS'],
			actionEs:
				'Implementar un módulo de orientación para la afiliación al SIS de gestantes, niñas y niños migrantes, con el establecimiento de salud.',
			office: 'Subgerencia de Salud'
		},
		{
			id: 'D1.04',
			textEs:
				'¿El Centro Integral de Atención al Adulto Mayor (CIAM) inscribe y atiende a personas adultas mayores migrantes?',
			textEn:
				'Does the Comprehensive Care Centre for Older People (CIAM) register and serve older migrants?',
			guidanceEs:
				'Registro de personas usuarias del CIAM con la nacionalidad, o una disposición interna que lo indique.',
			guidanceEn:
				"The CIAM's user register showing nationality, or an internal instruction to that effect.",
			weight: 1,
			evidence: ['registro', 'registro de personas usuarias del CIAM'],
			actionEs:
				'Disponer que el CIAM inscriba a personas adultas mayores migrantes y difundir sus servicios en la comunidad migrante.',
			office: GDS
		},
		{
			id: 'D1.05',
			textEs:
				'¿La Oficina Municipal de Atención a la Persona con Discapacidad (OMAPED) registra y atiende a personas migrantes con discapacidad?',
			textEn:
				'Does the Municipal Office for Persons with Disabilities (OMAPED) register and serve migrants with disabilities?',
			guidanceEs:
				'Registro de la OMAPED con casos de personas extranjeras, o una pauta escrita para atenderlas y derivarlas al CONADIS.',
			guidanceEn:
				"OMAPED's register with cases of foreign nationals, or written guidance on serving them and referring them to CONADIS.",
			weight: 1,
			evidence: ['registro', 'registro de la OMAPED'],
			actionEs:
				'Elaborar una pauta de atención de la OMAPED para personas migrantes con discapacidad, con la ruta de derivación al CONADIS.',
			office: GDS
		},
		{
			id: 'D1.06',
			textEs:
				'¿La oficina de registro civil inscribe nacimientos y matrimonios de personas extranjeras que presentan carné de extranjería, CPP o pasaporte?',
			textEn:
				'Does the civil registry office register births and marriages of foreign nationals who present a carné de extranjería, CPP or passport?',
			guidanceEs:
				'Actas inscritas (anonimizadas) o la relación de requisitos publicada por la municipalidad.',
			guidanceEn:
				'Registered certificates (anonymised) or the list of requirements published by the municipality.',
			weight: 1,
			evidence: ['publicacion', 'requisitos de inscripción para personas extranjeras'],
			actionEs:
				'Publicar los requisitos de inscripción de nacimientos y matrimonios para personas extranjeras y capacitar al personal del registro civil.',
			office: 'Subgerencia de Registro Civil',
			notApplicableEs: 'El registro civil del distrito está a cargo de una oficina del RENIEC.'
		}
	]),
	...group(1, 'Protección de niñas, niños, adolescentes y mujeres', [
		{
			id: 'D1.07',
			textEs:
				'¿La DEMUNA atiende a niñas, niños y adolescentes migrantes sin exigir documento de identidad ni condición migratoria regular?',
			textEn:
				'Does the DEMUNA (municipal ombuds service for children and adolescents) serve migrant children and adolescents without requiring an identity document or a regular migration status?',
			guidanceEs:
				'Casos atendidos (anonimizados), el protocolo de atención de la DEMUNA o un informe de supervisión del MIMP.',
			guidanceEn:
				"Cases attended (anonymised), the DEMUNA's service protocol, or a supervision report from the Ministry of Women (MIMP).",
			weight: 3,
			evidence: [
				'directiva',
				'Protocolo de atención de la DEMUNA a niñas, niños y adolescentes migrantes'
			],
			actionEs:
				'Aprobar un protocolo de la DEMUNA para atender a niñas, niños y adolescentes migrantes sin exigir documentos.',
			office: 'DEMUNA'
		},
		{
			id: 'D1.08',
			textEs:
				'¿Existe una ruta de atención y derivación para niñas, niños y adolescentes migrantes no acompañados o separados de sus familias?',
			textEn:
				'Is there a care and referral pathway for unaccompanied or separated migrant children and adolescents?',
			guidanceEs:
				'Ruta aprobada por resolución, o acordada con la Unidad de Protección Especial (UPE), la Fiscalía de Familia y MIGRACIONES.',
			guidanceEn:
				'A pathway approved by resolution, or agreed with the Special Protection Unit (UPE), the family prosecutor and MIGRACIONES.',
			weight: 2,
			evidence: [
				'resolucion',
				'que aprueba la ruta de atención a niñas, niños y adolescentes migrantes no acompañados'
			],
			actionEs:
				'Elaborar y aprobar la ruta local de atención a niñas, niños y adolescentes migrantes no acompañados, con la UPE y la Fiscalía de Familia.',
			office: 'DEMUNA'
		},
		{
			id: 'D1.09',
			textEs:
				'¿La municipalidad deriva a las mujeres migrantes víctimas de violencia al Centro Emergencia Mujer (CEM) y hace seguimiento de los casos?',
			textEn:
				"Does the municipality refer migrant women who are victims of violence to the Women's Emergency Centre (CEM) and follow up on their cases?",
			guidanceEs:
				'Fichas de derivación (anonimizadas) o actas de la Instancia Distrital de Concertación contra la violencia hacia la mujer.',
			guidanceEn:
				'Referral forms (anonymised) or minutes of the district coordination body against violence against women.',
			weight: 1.5,
			evidence: [
				'acta',
				'de la Instancia Distrital de Concertación contra la violencia hacia la mujer'
			],
			actionEs:
				'Incorporar a las mujeres migrantes en el plan de trabajo de la Instancia Distrital de Concertación contra la violencia hacia la mujer.',
			office: GDS
		}
	]),
	...group(1, 'Igualdad y no discriminación', [
		{
			id: 'D1.10',
			textEs:
				'¿Existe una ordenanza municipal contra la discriminación que incluya expresamente la nacionalidad o la condición migratoria?',
			textEn:
				'Is there a municipal anti-discrimination ordinance that expressly covers nationality or migration status?',
			guidanceEs:
				'Ordenanza publicada en El Peruano o en el portal municipal. Una ordenanza general que no menciona la nacionalidad cuenta como parcial.',
			guidanceEn:
				'An ordinance published in El Peruano or on the municipal website. A general ordinance that does not mention nationality counts as partial.',
			weight: 2,
			evidence: ['ordenanza', 'que prohíbe toda forma de discriminación, incluida la nacionalidad'],
			actionEs:
				'Proponer al Concejo una ordenanza contra la discriminación que incluya la nacionalidad y la condición migratoria.',
			office: 'Gerencia de Asesoría Jurídica'
		},
		{
			id: 'D1.11',
			textEs:
				'¿La municipalidad tiene un canal para recibir, tramitar y sancionar denuncias de discriminación por nacionalidad, también en establecimientos comerciales?',
			textEn:
				'Does the municipality have a channel to receive, process and sanction complaints of discrimination on grounds of nationality, including in shops and businesses?',
			guidanceEs:
				'Formulario o libro de denuncias, el cuadro de infracciones y sanciones con la conducta tipificada, o el registro de casos.',
			guidanceEn:
				'A complaint form or book, the schedule of infractions and sanctions listing the conduct, or the case log.',
			weight: 1,
			evidence: [
				'ordenanza',
				'que incorpora la discriminación al cuadro de infracciones y sanciones'
			],
			actionEs:
				'Incluir la discriminación por nacionalidad en el cuadro de infracciones y sanciones y habilitar un canal de denuncias.',
			office: 'Gerencia de Fiscalización'
		},
		{
			id: 'D1.12',
			textEs:
				'¿La municipalidad ha realizado en los últimos 12 meses una campaña contra la xenofobia y por la convivencia?',
			textEn:
				'Has the municipality run a campaign against xenophobia and for living together in the last 12 months?',
			guidanceEs:
				'Piezas de la campaña, publicaciones en redes sociales o una nota de prensa con fecha.',
			guidanceEn: 'Campaign materials, social-media posts or a dated press release.',
			weight: 1,
			evidence: ['publicacion', 'campaña «Somos vecinos» contra la xenofobia'],
			actionEs:
				'Realizar una campaña distrital contra la xenofobia con organizaciones de la comunidad migrante y de acogida.',
			office: 'Oficina de Imagen Institucional'
		}
	])
];

const DOMAIN_2: PolicyIndicator[] = [
	...group(2, 'Institucionalidad y planificación', [
		{
			id: 'D2.01',
			textEs:
				'¿La municipalidad ha designado, mediante resolución, un punto focal u oficina responsable de la atención a la población migrante?',
			textEn:
				'Has the municipality designated, by resolution, a focal point or office responsible for serving the migrant population?',
			guidanceEs:
				'Resolución de alcaldía o de gerencia municipal que designa el punto focal, o el ROF que le asigna la función.',
			guidanceEn:
				'A mayoral or municipal-management resolution designating the focal point, or the organisation and functions regulation (ROF) that assigns the role.',
			weight: 3,
			evidence: ['resolucion', 'que designa el punto focal de atención a la población migrante'],
			actionEs:
				'Emitir la resolución de alcaldía que designa el punto focal de atención a la población migrante y define sus funciones.',
			office: GM
		},
		{
			id: 'D2.02',
			textEs:
				'¿La atención a la población migrante figura en los instrumentos de gestión (Plan de Desarrollo Local Concertado, PEI o POI)?',
			textEn:
				'Does serving the migrant population appear in the management instruments (local development plan, strategic plan or annual operating plan)?',
			guidanceEs:
				'La página del plan con el objetivo, la acción estratégica o la actividad operativa.',
			guidanceEn:
				'The page of the plan with the objective, strategic action or operational activity.',
			weight: 2,
			evidence: ['plan', 'Plan Operativo Institucional'],
			actionEs:
				'Incluir una actividad operativa de atención a la población migrante en el POI del próximo año.',
			office: GPP
		},
		{
			id: 'D2.03',
			textEs:
				'¿El punto focal o la oficina responsable tiene presupuesto asignado en el Presupuesto Institucional de Apertura (PIA)?',
			textEn:
				'Does the focal point or responsible office have a budget in the opening institutional budget (PIA)?',
			guidanceEs:
				'Reporte del PIA o de la consulta amigable del MEF con la meta presupuestal. Personal asignado sin presupuesto propio cuenta como parcial.',
			guidanceEn:
				"The PIA report, or the Ministry of Economy's budget query showing the budget target. Staff assigned without a budget of their own counts as partial.",
			weight: 1.5,
			evidence: ['informe', 'la meta presupuestal del punto focal en el PIA'],
			actionEs:
				'Programar una meta presupuestal para el punto focal de atención a migrantes en el PIA.',
			office: GPP
		},
		{
			id: 'D2.04',
			textEs:
				'¿El personal de atención al público ha recibido, en los últimos 12 meses, capacitación sobre los derechos y los documentos de las personas migrantes?',
			textEn:
				"Have front-desk staff been trained, in the last 12 months, on migrants' rights and identity documents?",
			guidanceEs:
				'Lista de asistencia, certificado o informe de la capacitación (por ejemplo, dictada por MIGRACIONES u OIM).',
			guidanceEn:
				'An attendance list, certificate or training report (for instance, delivered by MIGRACIONES or IOM).',
			weight: 1,
			evidence: ['lista', 'capacitación sobre documentos migratorios'],
			actionEs:
				'Capacitar al personal de plataforma y de programas sociales en documentos migratorios, con apoyo de la UIM de MIGRACIONES.',
			office: 'Subgerencia de Recursos Humanos'
		},
		{
			id: 'D2.05',
			textEs:
				'¿Existe un protocolo o guía de atención a personas migrantes para el personal de las plataformas de atención al ciudadano?',
			textEn: 'Is there a service protocol or guide on serving migrants for front-desk staff?',
			guidanceEs:
				'Protocolo aprobado por resolución o directiva. Un borrador en revisión cuenta como parcial.',
			guidanceEn:
				'A protocol approved by resolution or directive. A draft under review counts as partial.',
			weight: 1,
			evidence: [
				'directiva',
				'Protocolo de atención a personas migrantes en plataformas de atención'
			],
			actionEs:
				'Aprobar un protocolo de atención a personas migrantes para las plataformas de atención al ciudadano.',
			office: GM
		}
	]),
	...group(2, 'Datos e información', [
		{
			id: 'D2.06',
			textEs:
				'¿Los registros administrativos municipales (Vaso de Leche, CIAM, OMAPED, licencias, serenazgo) consignan la nacionalidad de las personas usuarias?',
			textEn:
				"Do the municipal administrative registers (Vaso de Leche, CIAM, OMAPED, licences, municipal security) record users' nationality?",
			guidanceEs:
				'Captura del formulario o del sistema con el campo de nacionalidad. Si solo algunos registros lo tienen, marque parcial.',
			guidanceEn:
				'A screenshot of the form or system showing the nationality field. If only some registers have it, answer partial.',
			weight: 2,
			evidence: ['registro', 'sistema de registro de programas sociales'],
			actionEs:
				'Agregar los campos de nacionalidad y tipo de documento en los formularios y sistemas de registro municipales.',
			office: 'Subgerencia de Tecnologías de la Información'
		},
		{
			id: 'D2.07',
			textEs:
				'¿La DEMUNA registra la nacionalidad de las niñas, niños y adolescentes en cada caso que atiende?',
			textEn:
				'Does the DEMUNA record the nationality of the children and adolescents in every case it attends?',
			guidanceEs:
				'Captura del registro de casos de la DEMUNA (sin datos personales) con el campo de nacionalidad.',
			guidanceEn:
				"A screenshot of the DEMUNA's case register (without personal data) showing the nationality field.",
			weight: 1.5,
			evidence: ['registro', 'registro de casos de la DEMUNA'],
			actionEs:
				'Registrar la nacionalidad en todos los casos de la DEMUNA y reportarla cada trimestre.',
			office: 'DEMUNA'
		},
		{
			id: 'D2.08',
			textEs:
				'¿La municipalidad ha elaborado o difundido un diagnóstico de la población migrante del distrito en los últimos tres años?',
			textEn:
				"Has the municipality produced or published an assessment of the district's migrant population in the last three years?",
			guidanceEs:
				'El diagnóstico, o un capítulo del Plan de Desarrollo Local Concertado, con sus fuentes (INEI, MIGRACIONES, ENPOVE).',
			guidanceEn:
				'The assessment, or a chapter of the local development plan, with its sources (INEI, MIGRACIONES, ENPOVE).',
			weight: 1,
			evidence: ['informe', 'el diagnóstico de la población migrante del distrito'],
			actionEs:
				'Elaborar un diagnóstico distrital de la población migrante con datos de MIGRACIONES, del INEI y de los registros municipales.',
			office: GPP
		},
		{
			id: 'D2.09',
			textEs:
				'¿La municipalidad publica información para personas migrantes, en lenguaje claro, en su portal o sus redes sociales?',
			textEn:
				'Does the municipality publish information for migrants, in plain language, on its website or social media?',
			guidanceEs:
				'Enlace a la página, o publicaciones de los últimos 12 meses, con los servicios disponibles y sus requisitos.',
			guidanceEn:
				'A link to the page, or posts from the last 12 months, listing the services available and their requirements.',
			weight: 1,
			evidence: ['publicacion', 'sección «Vecino migrante» del portal institucional'],
			actionEs:
				'Publicar en el portal municipal una sección en lenguaje claro con los servicios y requisitos para personas migrantes.',
			office: 'Oficina de Imagen Institucional'
		}
	]),
	...group(2, 'Coordinación interna e interinstitucional', [
		{
			id: 'D2.10',
			textEs:
				'¿Existe una mesa, comisión o grupo de trabajo local sobre movilidad humana en el que participe la municipalidad?',
			textEn:
				'Is there a local roundtable, commission or working group on human mobility in which the municipality takes part?',
			guidanceEs: 'Resolución de conformación o actas de las reuniones del último año.',
			guidanceEn: 'The resolution that set it up, or minutes of its meetings in the last year.',
			weight: 1,
			evidence: ['acta', 'de la mesa distrital de movilidad humana'],
			actionEs:
				'Conformar la mesa distrital de movilidad humana con instituciones públicas, cooperación y organizaciones migrantes.',
			office: GDS
		},
		{
			id: 'D2.11',
			textEs:
				'¿Las gerencias municipales (desarrollo social y económico, seguridad ciudadana, gestión del riesgo) coordinan la atención a migrantes con un plan o reuniones periódicas?',
			textEn:
				'Do the municipal departments (social and economic development, public safety, disaster risk) coordinate their work with migrants through a plan or regular meetings?',
			guidanceEs: 'Plan de trabajo intergerencial o actas de coordinación.',
			guidanceEn: 'An inter-departmental work plan or coordination minutes.',
			weight: 1,
			evidence: ['plan', 'Plan de trabajo intergerencial de atención a la población migrante'],
			actionEs:
				'Aprobar un plan de trabajo intergerencial para la atención a la población migrante.',
			office: GM
		}
	])
];

const DOMAIN_3: PolicyIndicator[] = [
	...group(3, 'Entidades del Estado', [
		{
			id: 'D3.01',
			textEs:
				'¿La municipalidad tiene un convenio o plan de trabajo vigente con la Superintendencia Nacional de Migraciones?',
			textEn:
				'Does the municipality have a current agreement or work plan with the National Superintendence of Migration (MIGRACIONES)?',
			guidanceEs:
				'Convenio de cooperación interinstitucional firmado, o plan de trabajo con la Unidad de Integración Migratoria.',
			guidanceEn:
				'A signed inter-institutional cooperation agreement, or a work plan with the Migration Integration Unit.',
			weight: 2,
			evidence: ['convenio', 'la Superintendencia Nacional de Migraciones'],
			actionEs:
				'Suscribir un convenio de cooperación interinstitucional con la Superintendencia Nacional de Migraciones.',
			office: GM
		},
		{
			id: 'D3.02',
			textEs:
				'¿La municipalidad coordina con los sectores (MIMP, MINSA, MINEDU, MTPE) acciones para la población migrante del distrito?',
			textEn:
				"Does the municipality coordinate action for the district's migrant population with the ministries of Women, Health, Education and Labour?",
			guidanceEs: 'Oficios, actas o planes de trabajo conjuntos del último año.',
			guidanceEn: 'Letters, minutes or joint work plans from the last year.',
			weight: 1,
			evidence: ['acta', 'de la reunión de coordinación con la DIRIS, la UGEL y el CEM'],
			actionEs:
				'Establecer reuniones trimestrales de coordinación con la DIRIS, la UGEL, el CEM y el Centro de Empleo.',
			office: GDS
		},
		{
			id: 'D3.03',
			textEs:
				'¿La municipalidad coordina con la Defensoría del Pueblo la atención de quejas de personas migrantes?',
			textEn:
				"Does the municipality coordinate with the Ombudsman's Office on complaints from migrants?",
			guidanceEs: 'Oficios o actas de reuniones con la oficina defensorial.',
			guidanceEn: "Letters or minutes of meetings with the Ombudsman's office.",
			weight: 1,
			evidence: ['acta', 'de la reunión con la Oficina Defensorial de Lima'],
			actionEs:
				'Acordar con la Defensoría del Pueblo un canal de derivación de quejas de personas migrantes.',
			office: GDS
		}
	]),
	...group(3, 'Cooperación internacional', [
		{
			id: 'D3.04',
			textEs:
				'¿La municipalidad tiene un convenio, carta de entendimiento o plan de trabajo vigente con la OIM?',
			textEn:
				'Does the municipality have a current agreement, letter of understanding or work plan with IOM?',
			guidanceEs:
				'Documento firmado y vigente. Actividades puntuales sin acuerdo cuentan como parcial.',
			guidanceEn:
				'A signed, current document. One-off activities without an agreement count as partial.',
			weight: 1.5,
			evidence: ['convenio', 'OIM'],
			actionEs:
				'Formalizar un plan de trabajo con la OIM para asistencia técnica y fortalecimiento de capacidades.',
			office: OCT
		},
		{
			id: 'D3.05',
			textEs:
				'¿La municipalidad trabaja con ACNUR o sus socios (por ejemplo, HIAS o Encuentros) en la protección de personas refugiadas y solicitantes de refugio?',
			textEn:
				'Does the municipality work with UNHCR or its partners (for instance HIAS or Encuentros) on protecting refugees and asylum seekers?',
			guidanceEs: 'Convenio, plan de trabajo o actas de actividades conjuntas.',
			guidanceEn: 'An agreement, a work plan or minutes of joint activities.',
			weight: 1,
			evidence: ['convenio', 'ACNUR|HIAS|Encuentros Servicio Jesuita de la Solidaridad'],
			actionEs:
				'Suscribir una carta de entendimiento con ACNUR para la protección de personas refugiadas y solicitantes de refugio.',
			office: OCT
		},
		{
			id: 'D3.06',
			textEs:
				'¿La municipalidad trabaja con UNICEF u otra organización especializada en la protección de la niñez migrante?',
			textEn:
				'Does the municipality work with UNICEF or another organisation specialised in protecting migrant children?',
			guidanceEs: 'Convenio, plan de trabajo o informe de actividades conjuntas.',
			guidanceEn: 'An agreement, a work plan or a report on joint activities.',
			weight: 1,
			evidence: ['convenio', 'UNICEF'],
			actionEs:
				'Coordinar con UNICEF el fortalecimiento de la DEMUNA en la atención a la niñez migrante.',
			office: 'DEMUNA'
		},
		{
			id: 'D3.07',
			textEs:
				'¿La municipalidad participa en los espacios de coordinación de la cooperación, como el Grupo de Trabajo para Refugiados y Migrantes (GTRM)?',
			textEn:
				'Does the municipality take part in cooperation forums such as the Working Group for Refugees and Migrants (GTRM)?',
			guidanceEs: 'Invitaciones, actas o listas de asistencia del último año.',
			guidanceEn: 'Invitations, minutes or attendance lists from the last year.',
			weight: 1,
			evidence: ['acta', 'de la reunión del GTRM Lima'],
			actionEs:
				'Designar a un representante municipal ante el GTRM y participar en sus reuniones en Lima.',
			office: OCT
		}
	]),
	...group(3, 'Actores locales y redes', [
		{
			id: 'D3.08',
			textEs:
				'¿Las organizaciones de personas migrantes participan en espacios municipales como el Consejo de Coordinación Local o el presupuesto participativo?',
			textEn:
				'Do migrant organisations take part in municipal bodies such as the Local Coordination Council or participatory budgeting?',
			guidanceEs:
				'Padrón de agentes participantes o acta en la que conste la participación de la organización.',
			guidanceEn:
				"The register of participating agents, or minutes that record the organisation's participation.",
			weight: 1.5,
			evidence: ['acta', 'del taller del presupuesto participativo'],
			actionEs:
				'Convocar a las organizaciones de personas migrantes a inscribirse como agentes participantes del presupuesto participativo.',
			office: 'Gerencia de Participación Vecinal'
		},
		{
			id: 'D3.09',
			textEs:
				'¿La municipalidad tiene convenios con organizaciones de la sociedad civil o religiosas (Cáritas, parroquias, albergues) para atender a personas migrantes?',
			textEn:
				'Does the municipality have agreements with civil-society or faith-based organisations (Cáritas, parishes, shelters) to serve migrants?',
			guidanceEs: 'Convenio firmado o acta de acuerdos vigente.',
			guidanceEn: 'A signed agreement or current minutes of agreements.',
			weight: 1,
			evidence: [
				'convenio',
				'Cáritas Lima|la parroquia del distrito|Encuentros Servicio Jesuita de la Solidaridad'
			],
			actionEs:
				'Suscribir convenios con organizaciones de la sociedad civil que atienden a personas migrantes en el distrito.',
			office: GDS
		},
		{
			id: 'D3.10',
			textEs:
				'¿La municipalidad tiene alianzas con empresas, gremios o cámaras de comercio para la empleabilidad de personas migrantes?',
			textEn:
				'Does the municipality have partnerships with companies, business associations or chambers of commerce on the employability of migrants?',
			guidanceEs: 'Carta de compromiso, convenio o informe de una feria laboral conjunta.',
			guidanceEn: 'A letter of commitment, an agreement, or a report on a joint job fair.',
			weight: 1,
			evidence: [
				'convenio',
				'la Cámara de Comercio de Lima|la asociación de empresarios del distrito|una cadena de supermercados'
			],
			actionEs:
				'Firmar alianzas con empresas del distrito para incluir a personas migrantes en la bolsa de trabajo.',
			office: GDE
		},
		{
			id: 'D3.11',
			textEs:
				'¿La municipalidad tiene convenios con universidades o institutos para estudios, voluntariado o prácticas sobre movilidad humana?',
			textEn:
				'Does the municipality have agreements with universities or institutes for research, volunteering or internships on human mobility?',
			guidanceEs: 'Convenio firmado o informe de un estudio conjunto.',
			guidanceEn: 'A signed agreement or the report of a joint study.',
			weight: 1,
			evidence: [
				'convenio',
				'la Universidad Nacional Mayor de San Marcos|la Pontificia Universidad Católica del Perú|la Universidad Antonio Ruiz de Montoya|la Universidad Nacional Federico Villarreal'
			],
			actionEs:
				'Suscribir un convenio con una universidad para el diagnóstico y el seguimiento de la población migrante.',
			office: GM
		},
		{
			id: 'D3.12',
			textEs:
				'¿La municipalidad intercambia experiencias sobre gobernanza migratoria con otras municipalidades (redes, mancomunidades, pasantías)?',
			textEn:
				'Does the municipality share experience on migration governance with other municipalities (networks, associations of municipalities, exchange visits)?',
			guidanceEs: 'Actas, programas de encuentros o informes de pasantía.',
			guidanceEn: 'Minutes, meeting programmes or exchange-visit reports.',
			weight: 1,
			evidence: [
				'lista',
				'encuentro de municipalidades de Lima y Callao sobre gobernanza migratoria'
			],
			actionEs:
				'Participar en la red de municipalidades de Lima y Callao sobre gobernanza migratoria.',
			office: GM
		}
	])
];

const DOMAIN_4: PolicyIndicator[] = [
	...group(4, 'Empleo y medios de vida', [
		{
			id: 'D4.01',
			textEs:
				'¿La bolsa de trabajo o el servicio de empleo municipal inscribe a personas migrantes y las vincula con ofertas de empleo formal?',
			textEn:
				'Does the municipal job bank or employment service register migrants and match them with formal job offers?',
			guidanceEs:
				'Registro de personas inscritas con la nacionalidad, o un informe de colocaciones.',
			guidanceEn: 'The register of job seekers with their nationality, or a placement report.',
			weight: 2,
			evidence: ['informe', '{n} personas migrantes inscritas en la bolsa de trabajo'],
			actionEs:
				'Abrir la bolsa de trabajo municipal a personas migrantes con CPP o carné de extranjería y registrar su nacionalidad.',
			office: GDE
		},
		{
			id: 'D4.02',
			textEs:
				'¿Los programas municipales de emprendimiento, capacitación técnica y ferias incluyen a personas migrantes?',
			textEn:
				'Do the municipal programmes for entrepreneurship, vocational training and trade fairs include migrants?',
			guidanceEs: 'Bases de la convocatoria, lista de participantes o informe de la feria.',
			guidanceEn: 'The call for applications, the list of participants or the fair report.',
			weight: 1,
			evidence: ['lista', 'feria de emprendedores'],
			actionEs:
				'Reservar cupos para emprendedores migrantes en las ferias y capacitaciones municipales.',
			office: GDE
		},
		{
			id: 'D4.03',
			textEs:
				'¿La municipalidad otorga licencias de funcionamiento y autorizaciones de comercio en la vía pública a personas migrantes con los mismos requisitos?',
			textEn:
				'Does the municipality grant business licences and street-vending permits to migrants under the same requirements?',
			guidanceEs: 'Licencias emitidas (anonimizadas) o la ordenanza de comercio en la vía pública.',
			guidanceEn: 'Licences issued (anonymised) or the ordinance on street vending.',
			weight: 1,
			evidence: ['ordenanza', 'que regula el comercio en la vía pública'],
			actionEs:
				'Revisar la ordenanza de comercio en la vía pública para que las personas migrantes puedan obtener autorización con el CPP.',
			office: 'Subgerencia de Licencias y Comercialización'
		},
		{
			id: 'D4.04',
			textEs:
				'¿La municipalidad orienta sobre el reconocimiento de títulos y la certificación de competencias laborales obtenidos en el extranjero?',
			textEn:
				'Does the municipality advise on the recognition of foreign degrees and the certification of work skills?',
			guidanceEs:
				'Material informativo, registro de orientaciones, o coordinación con la SUNEDU, el MINEDU o el MTPE.',
			guidanceEn:
				'Information materials, a log of advice given, or coordination with SUNEDU, the Ministry of Education or the Ministry of Labour.',
			weight: 1,
			evidence: ['informe', '{n} orientaciones sobre reconocimiento de títulos'],
			actionEs:
				'Incluir en el servicio de empleo la orientación sobre reconocimiento de títulos (SUNEDU, MINEDU) y certificación de competencias.',
			office: GDE
		},
		{
			id: 'D4.05',
			textEs:
				'¿La municipalidad difunde información sobre derechos laborales y prevención de la explotación laboral entre trabajadores migrantes?',
			textEn:
				'Does the municipality inform migrant workers about labour rights and the prevention of labour exploitation?',
			guidanceEs: 'Material de difusión, lista de asistencia a charlas o publicaciones.',
			guidanceEn: 'Outreach materials, attendance lists of talks, or posts.',
			weight: 1,
			evidence: ['lista', 'charla sobre derechos laborales con SUNAFIL'],
			actionEs:
				'Organizar con SUNAFIL y la OIT charlas sobre derechos laborales para trabajadores migrantes.',
			office: GDE
		},
		{
			id: 'D4.06',
			textEs:
				'¿La municipalidad orienta a las personas migrantes sobre inclusión financiera (apertura de cuentas, crédito, remesas)?',
			textEn:
				'Does the municipality advise migrants on financial inclusion (opening accounts, credit, remittances)?',
			guidanceEs:
				'Programa de la actividad, lista de asistencia o acuerdo con una entidad financiera.',
			guidanceEn:
				'The event programme, an attendance list or an agreement with a financial institution.',
			weight: 1,
			evidence: ['lista', 'feria de inclusión financiera'],
			actionEs: 'Organizar ferias de inclusión financiera con entidades que aceptan el CPP.',
			office: GDE
		}
	]),
	...group(4, 'Salud, educación y protección social', [
		{
			id: 'D4.07',
			textEs:
				'¿Las campañas municipales de salud (vacunación, tamizaje, control de anemia) atienden a personas migrantes sin exigir documento peruano?',
			textEn:
				'Do the municipal health campaigns (vaccination, screening, anaemia control) serve migrants without requiring a Peruvian document?',
			guidanceEs:
				'Informe de la campaña con personas atendidas por nacionalidad, o la convocatoria.',
			guidanceEn: 'A campaign report with the people served by nationality, or the announcement.',
			weight: 1.5,
			evidence: ['informe', '{n} personas migrantes atendidas en campañas de salud'],
			actionEs:
				'Incluir a la población migrante en la programación y la difusión de las campañas de salud municipales.',
			office: 'Subgerencia de Salud'
		},
		{
			id: 'D4.08',
			textEs:
				'¿La municipalidad coordina con la UGEL para facilitar la matrícula escolar de niñas, niños y adolescentes migrantes?',
			textEn:
				'Does the municipality coordinate with the local education office (UGEL) to help migrant children enrol in school?',
			guidanceEs: 'Oficios, actas o el informe de una campaña de matrícula.',
			guidanceEn: 'Letters, minutes or the report of an enrolment campaign.',
			weight: 1.5,
			evidence: ['acta', 'de la reunión de coordinación con la UGEL'],
			actionEs:
				'Coordinar con la UGEL una campaña de matrícula escolar oportuna para niñas y niños migrantes.',
			office: 'Subgerencia de Educación'
		},
		{
			id: 'D4.09',
			textEs:
				'¿La Unidad Local de Empadronamiento (ULE) tramita la clasificación socioeconómica (SISFOH) de hogares con integrantes extranjeros?',
			textEn:
				'Does the Local Registration Unit (ULE) process the socioeconomic classification (SISFOH) of households with foreign members?',
			guidanceEs:
				'Reporte de solicitudes atendidas o constancias emitidas a personas con carné de extranjería.',
			guidanceEn:
				'A report of requests processed, or certificates issued to people with a carné de extranjería.',
			weight: 2,
			evidence: [
				'informe',
				'{n} solicitudes de clasificación socioeconómica de hogares con integrantes extranjeros'
			],
			actionEs:
				'Capacitar a la ULE en la clasificación socioeconómica de hogares con personas extranjeras y difundir el trámite.',
			office: 'Unidad Local de Empadronamiento'
		},
		{
			id: 'D4.10',
			textEs:
				'¿Los programas municipales de alimentación y primera infancia (comedores, ollas comunes, cunas) incluyen a familias migrantes?',
			textEn:
				'Do the municipal food and early-childhood programmes (soup kitchens, community kitchens, day care) include migrant families?',
			guidanceEs: 'Padrón de beneficiarios con nacionalidad o directiva del programa.',
			guidanceEn: 'The list of beneficiaries with nationality, or the programme directive.',
			weight: 1,
			evidence: ['registro', 'padrón de comedores y ollas comunes'],
			actionEs:
				'Empadronar a familias migrantes en los comedores y ollas comunes registrados por la municipalidad.',
			office: 'Subgerencia de Programas Sociales'
		}
	]),
	...group(4, 'Integración y convivencia', [
		{
			id: 'D4.11',
			textEs:
				'¿La municipalidad organiza actividades culturales, deportivas o comunitarias que reúnen a personas migrantes y a la comunidad de acogida?',
			textEn:
				'Does the municipality organise cultural, sports or community activities that bring migrants and the host community together?',
			guidanceEs: 'Programa de la actividad, fotos con fecha o nota de prensa.',
			guidanceEn: 'The event programme, dated photos or a press release.',
			weight: 1,
			evidence: ['publicacion', 'festival intercultural del distrito'],
			actionEs:
				'Programar actividades culturales y deportivas de integración entre vecinos peruanos y migrantes.',
			office: GDS
		}
	])
];

const DOMAIN_5: PolicyIndicator[] = [
	...group(5, 'Preparación y planificación', [
		{
			id: 'D5.01',
			textEs:
				'¿El Plan de Prevención y Reducción del Riesgo de Desastres (PPRRD) de la municipalidad considera a la población migrante?',
			textEn:
				"Does the municipality's Disaster Risk Prevention and Reduction Plan (PPRRD) take the migrant population into account?",
			guidanceEs:
				'Ordenanza o resolución que aprueba el plan, y la sección que menciona a la población migrante.',
			guidanceEn:
				'The ordinance or resolution approving the plan, and the section that mentions the migrant population.',
			weight: 2,
			evidence: ['plan', 'Plan de Prevención y Reducción del Riesgo de Desastres'],
			actionEs:
				'Incorporar a la población migrante en la actualización del Plan de Prevención y Reducción del Riesgo de Desastres.',
			office: GRD
		},
		{
			id: 'D5.02',
			textEs:
				'¿La Plataforma Distrital de Defensa Civil incluye a organizaciones de personas migrantes o a las organizaciones que las atienden?',
			textEn:
				'Does the district civil-defence platform include migrant organisations or organisations that serve them?',
			guidanceEs: 'Resolución de conformación de la plataforma o actas de sesión.',
			guidanceEn: 'The resolution setting up the platform, or minutes of its sessions.',
			weight: 1,
			evidence: ['resolucion', 'que reconforma la Plataforma Distrital de Defensa Civil'],
			actionEs:
				'Invitar a organizaciones de personas migrantes a integrar la Plataforma Distrital de Defensa Civil.',
			office: GRD
		},
		{
			id: 'D5.03',
			textEs:
				'¿La municipalidad ha identificado las zonas de riesgo donde vive población migrante (por ejemplo, en su mapa de riesgos)?',
			textEn:
				'Has the municipality identified the high-risk areas where migrants live (for example, on its risk map)?',
			guidanceEs: 'Mapa de riesgos o informe de evaluación con la información.',
			guidanceEn: 'The risk map or an assessment report with this information.',
			weight: 1,
			evidence: [
				'informe',
				'la evaluación de riesgo en asentamientos humanos con población migrante'
			],
			actionEs:
				'Identificar en el mapa de riesgos los asentamientos humanos con alta presencia de población migrante.',
			office: GRD
		},
		{
			id: 'D5.04',
			textEs:
				'¿Las alertas y mensajes de emergencia se difunden por canales que usa la población migrante (grupos de WhatsApp, organizaciones, redes sociales)?',
			textEn:
				'Are alerts and emergency messages spread through channels that migrants use (WhatsApp groups, organisations, social media)?',
			guidanceEs: 'Lista de canales, capturas de mensajes enviados o protocolo de comunicación.',
			guidanceEn:
				'A list of channels, screenshots of messages sent, or the communication protocol.',
			weight: 1,
			evidence: ['publicacion', 'alertas difundidas en grupos de la comunidad migrante'],
			actionEs:
				'Incorporar a los grupos y organizaciones de la comunidad migrante en la difusión de alertas tempranas.',
			office: GRD
		},
		{
			id: 'D5.05',
			textEs:
				'¿La población migrante participa en los simulacros y capacitaciones de gestión del riesgo?',
			textEn: 'Do migrants take part in drills and disaster-risk training?',
			guidanceEs: 'Listas de asistencia con nacionalidad o informe del simulacro.',
			guidanceEn: 'Attendance lists showing nationality, or the drill report.',
			weight: 1,
			evidence: ['lista', 'simulacro multipeligro'],
			actionEs:
				'Convocar a la comunidad migrante a los simulacros multipeligro y a las capacitaciones vecinales.',
			office: GRD
		},
		{
			id: 'D5.06',
			textEs:
				'¿El personal de gestión del riesgo de desastres ha recibido capacitación sobre la protección de personas migrantes en emergencias?',
			textEn: 'Have disaster-risk staff been trained on protecting migrants in emergencies?',
			guidanceEs: 'Certificados, lista de asistencia o informe de la capacitación.',
			guidanceEn: 'Certificates, an attendance list or a training report.',
			weight: 1,
			evidence: ['lista', 'capacitación sobre protección de personas migrantes en emergencias'],
			actionEs:
				'Capacitar al equipo de gestión del riesgo en la protección de personas migrantes en emergencias, con OIM y ACNUR.',
			office: GRD
		}
	]),
	...group(5, 'Respuesta y recuperación', [
		{
			id: 'D5.07',
			textEs:
				'¿La Evaluación de Daños y Análisis de Necesidades (EDAN) y el empadronamiento de personas damnificadas registran la nacionalidad?',
			textEn:
				'Do the damage and needs assessment (EDAN) and the register of affected people record nationality?',
			guidanceEs: 'Formato EDAN o padrón de damnificados con el campo de nacionalidad.',
			guidanceEn: 'The EDAN form or the register of affected people with a nationality field.',
			weight: 1.5,
			evidence: ['registro', 'padrón de personas damnificadas'],
			actionEs:
				'Agregar el campo de nacionalidad en los formatos EDAN y de empadronamiento de personas damnificadas.',
			office: GRD
		},
		{
			id: 'D5.08',
			textEs:
				'¿La ayuda humanitaria municipal se entrega a las personas migrantes afectadas sin exigir DNI?',
			textEn:
				'Is municipal humanitarian aid given to affected migrants without requiring a Peruvian ID (DNI)?',
			guidanceEs:
				'Directiva de entrega de bienes de ayuda humanitaria o actas de entrega con personas extranjeras.',
			guidanceEn:
				'The directive on distributing humanitarian aid, or delivery records that include foreign nationals.',
			weight: 2,
			evidence: ['directiva', 'Entrega de bienes de ayuda humanitaria'],
			actionEs:
				'Disponer por directiva la entrega de bienes de ayuda humanitaria a personas afectadas con cualquier documento de identidad.',
			office: GRD
		},
		{
			id: 'D5.09',
			textEs:
				'¿Los albergues o espacios temporales que habilita la municipalidad en una emergencia acogen a personas migrantes?',
			textEn:
				'Do the shelters or temporary spaces the municipality opens in an emergency take in migrants?',
			guidanceEs: 'Plan de albergues, registro de personas albergadas o informe de la emergencia.',
			guidanceEn: 'The shelter plan, the register of sheltered people, or the emergency report.',
			weight: 1,
			evidence: ['plan', 'Plan de Operaciones de Emergencia'],
			actionEs:
				'Incluir en el Plan de Operaciones de Emergencia la acogida de personas migrantes en albergues temporales.',
			office: GRD,
			notApplicableEs:
				'La municipalidad no administra albergues; los habilita la municipalidad provincial.'
		},
		{
			id: 'D5.10',
			textEs:
				'¿Existe un plan de contingencia para atender a personas migrantes en situación de calle o ante llegadas masivas al distrito?',
			textEn:
				'Is there a contingency plan for migrants living on the street or for large arrivals in the district?',
			guidanceEs: 'Plan aprobado por resolución. Un plan en elaboración cuenta como parcial.',
			guidanceEn: 'A plan approved by resolution. A plan being drafted counts as partial.',
			weight: 1.5,
			evidence: ['plan', 'Plan de contingencia para personas migrantes en situación de calle'],
			actionEs:
				'Elaborar un plan de contingencia para personas migrantes en situación de calle, con la cooperación y la sociedad civil.',
			office: GDS,
			notApplicableEs: 'No se registran personas migrantes en situación de calle en el distrito.'
		},
		{
			id: 'D5.11',
			textEs:
				'¿En la última emergencia (sanitaria, climática u otra), la municipalidad incluyó a las familias migrantes en la asistencia alimentaria?',
			textEn:
				'In the last emergency (health, climate or other), did the municipality include migrant families in food assistance?',
			guidanceEs: 'Padrón de entrega de canastas o informe de la asistencia.',
			guidanceEn: 'The food-basket distribution list or the assistance report.',
			weight: 1,
			evidence: ['informe', '{n} familias migrantes atendidas con canastas'],
			actionEs:
				'Incluir a las familias migrantes vulnerables en el padrón de asistencia alimentaria de emergencia.',
			office: 'Subgerencia de Programas Sociales'
		}
	])
];

const DOMAIN_6: PolicyIndicator[] = [
	...group(6, 'Regularización y documentación', [
		{
			id: 'D6.01',
			textEs:
				'¿La municipalidad difunde información oficial sobre los procedimientos de regularización migratoria (CPP, cambio de calidad migratoria)?',
			textEn:
				'Does the municipality share official information on regularisation procedures (CPP, change of migration status)?',
			guidanceEs:
				'Publicaciones, afiches o charlas de los últimos 12 meses con información de MIGRACIONES.',
			guidanceEn:
				'Posts, posters or talks from the last 12 months with information from MIGRACIONES.',
			weight: 1,
			evidence: ['publicacion', 'información sobre el CPP'],
			actionEs:
				'Difundir en el portal y las redes municipales la información oficial de MIGRACIONES sobre regularización.',
			office: GDS
		},
		{
			id: 'D6.02',
			textEs:
				'¿La municipalidad ha acogido en los últimos 12 meses una campaña itinerante de MIGRACIONES en el distrito?',
			textEn:
				'Has the municipality hosted a mobile MIGRACIONES campaign in the district in the last 12 months?',
			guidanceEs:
				'Oficio de coordinación, nota de prensa o informe de la campaña con el número de personas atendidas.',
			guidanceEn:
				'A coordination letter, a press release or the campaign report with the number of people served.',
			weight: 2,
			evidence: ['informe', '{n} personas atendidas en la campaña itinerante de MIGRACIONES'],
			actionEs:
				'Solicitar a MIGRACIONES una campaña itinerante en el distrito y facilitar el local y la convocatoria.',
			office: GDS
		},
		{
			id: 'D6.03',
			textEs:
				'¿La municipalidad orienta a las personas que quieren solicitar refugio sobre el procedimiento ante la Comisión Especial para los Refugiados (CEPR)?',
			textEn:
				'Does the municipality advise people who want to claim asylum on the procedure before the Special Commission for Refugees (CEPR)?',
			guidanceEs: 'Material de orientación, ruta de derivación o registro de orientaciones.',
			guidanceEn: 'Guidance materials, a referral pathway or a log of advice given.',
			weight: 1,
			evidence: ['informe', '{n} orientaciones sobre la solicitud de refugio'],
			actionEs:
				'Incluir la orientación sobre la solicitud de refugio en el punto focal, con materiales de ACNUR.',
			office: GDS
		},
		{
			id: 'D6.04',
			textEs:
				'¿La municipalidad orienta a las personas migrantes para obtener documentos de su país (partidas, antecedentes, apostilla) y advierte sobre tramitadores informales?',
			textEn:
				'Does the municipality help migrants obtain documents from their home country (certificates, criminal records, apostille) and warn them about informal brokers?',
			guidanceEs: 'Material informativo, publicaciones o registro de orientaciones.',
			guidanceEn: 'Information materials, posts or a log of advice given.',
			weight: 1,
			evidence: ['publicacion', 'alerta sobre tramitadores informales'],
			actionEs:
				'Publicar una guía sobre documentos del país de origen y advertir sobre tramitadores y cobros indebidos.',
			office: GDS
		}
	]),
	...group(6, 'Trata de personas y tráfico ilícito de migrantes', [
		{
			id: 'D6.05',
			textEs:
				'¿Existe una ruta de derivación de presuntas víctimas de trata de personas que el personal municipal conoce?',
			textEn:
				'Is there a referral pathway for presumed victims of human trafficking that municipal staff know?',
			guidanceEs:
				'Ruta o flujograma aprobado y alineado con el Protocolo Intersectorial contra la Trata de Personas, y constancia de su difusión.',
			guidanceEn:
				'An approved pathway or flowchart aligned with the Intersectoral Protocol against Trafficking in Persons, and proof that it was shared.',
			weight: 2,
			evidence: [
				'resolucion',
				'que aprueba la ruta local de atención a presuntas víctimas de trata'
			],
			actionEs:
				'Aprobar y difundir la ruta local de derivación de presuntas víctimas de trata, alineada con el Protocolo Intersectorial.',
			office: GDS
		},
		{
			id: 'D6.06',
			textEs: '¿La municipalidad participa en una red o mesa local contra la trata de personas?',
			textEn:
				'Does the municipality take part in a local network or roundtable against human trafficking?',
			guidanceEs: 'Resolución de conformación o actas de sesión del último año.',
			guidanceEn: 'The resolution that set it up, or minutes of its sessions in the last year.',
			weight: 1,
			evidence: ['acta', 'de la red distrital contra la trata de personas'],
			actionEs:
				'Integrar o conformar la red distrital contra la trata de personas y el tráfico ilícito de migrantes.',
			office: GDS
		},
		{
			id: 'D6.07',
			textEs:
				'¿Los inspectores de fiscalización de establecimientos conocen los indicios de trata y explotación laboral y saben a quién derivar?',
			textEn:
				'Do the inspectors of business premises know the signs of trafficking and labour exploitation, and where to refer cases?',
			guidanceEs: 'Lista de asistencia a la capacitación o protocolo de fiscalización con la ruta.',
			guidanceEn:
				'A training attendance list, or an inspection protocol that includes the pathway.',
			weight: 1.5,
			evidence: ['lista', 'capacitación a inspectores sobre indicios de trata'],
			actionEs:
				'Capacitar a los inspectores de fiscalización en la identificación de indicios de trata y explotación laboral.',
			office: 'Gerencia de Fiscalización'
		},
		{
			id: 'D6.08',
			textEs:
				'¿La municipalidad realiza campañas de prevención de la trata y del tráfico ilícito de migrantes dirigidas a la población migrante?',
			textEn:
				'Does the municipality run campaigns to prevent trafficking and migrant smuggling aimed at migrants?',
			guidanceEs: 'Material de la campaña, publicaciones o informe con fecha.',
			guidanceEn: 'Campaign materials, posts or a dated report.',
			weight: 1,
			evidence: ['publicacion', 'campaña de prevención de la trata de personas'],
			actionEs:
				'Realizar una campaña de prevención de la trata con organizaciones migrantes, en el Día Nacional contra la Trata (23 de setiembre).',
			office: GDS
		}
	]),
	...group(6, 'Seguridad ciudadana y convivencia', [
		{
			id: 'D6.09',
			textEs:
				'¿El serenazgo tiene un protocolo de actuación con personas migrantes que respete sus derechos (sin retener documentos ni exigir la condición migratoria)?',
			textEn:
				'Does the municipal security service (serenazgo) have a rights-based protocol for dealing with migrants (no holding of documents, no demands about migration status)?',
			guidanceEs: 'Protocolo aprobado y constancia de capacitación de los agentes.',
			guidanceEn: 'The approved protocol and proof that officers were trained.',
			weight: 1,
			evidence: ['directiva', 'Protocolo de actuación del serenazgo con personas extranjeras'],
			actionEs:
				'Aprobar un protocolo de actuación del serenazgo con personas migrantes y capacitar a los agentes.',
			office: GSC
		},
		{
			id: 'D6.10',
			textEs:
				'¿Las juntas vecinales y el Comité Distrital de Seguridad Ciudadana (CODISEC) incluyen a vecinas y vecinos migrantes?',
			textEn:
				'Do neighbourhood safety groups and the District Public Safety Committee (CODISEC) include migrant residents?',
			guidanceEs: 'Padrón de juntas vecinales o actas del CODISEC.',
			guidanceEn: 'The register of neighbourhood groups or CODISEC minutes.',
			weight: 1,
			evidence: ['acta', 'de la sesión del CODISEC'],
			actionEs:
				'Promover la inscripción de vecinos migrantes en las juntas vecinales de seguridad ciudadana.',
			office: GSC
		},
		{
			id: 'D6.11',
			textEs:
				'¿El Plan Local de Seguridad Ciudadana evita asociar la migración con la delincuencia e incluye acciones de convivencia?',
			textEn:
				'Does the Local Public Safety Plan avoid linking migration with crime, and does it include actions on living together?',
			guidanceEs: 'El plan aprobado y la sección pertinente.',
			guidanceEn: 'The approved plan and the relevant section.',
			weight: 1,
			evidence: ['plan', 'Plan Local de Seguridad Ciudadana'],
			actionEs:
				'Revisar el Plan Local de Seguridad Ciudadana para retirar mensajes que asocien migración y delincuencia.',
			office: GSC
		}
	])
];

export const POLICY_INDICATORS: readonly PolicyIndicator[] = [
	...DOMAIN_1,
	...DOMAIN_2,
	...DOMAIN_3,
	...DOMAIN_4,
	...DOMAIN_5,
	...DOMAIN_6
];

export const STATISTIC_INDICATORS: readonly StatisticIndicator[] = [
	{
		id: 'E1.01',
		domain: 1,
		subarea: 'Protección de niñas, niños, adolescentes y mujeres',
		textEs: 'Casos atendidos por la DEMUNA con niñas, niños o adolescentes migrantes',
		textEn: 'DEMUNA cases involving migrant children or adolescents',
		guidanceEs:
			'Casos abiertos en el año en que la niña, niño o adolescente es de nacionalidad extranjera.',
		guidanceEn: 'Cases opened in the year in which the child or adolescent is a foreign national.',
		unit: 'count',
		higherIsBetter: true,
		source: 'Registro de casos DEMUNA'
	},
	{
		id: 'E1.02',
		domain: 1,
		subarea: 'Igualdad y no discriminación',
		textEs: 'Denuncias de discriminación por nacionalidad recibidas',
		textEn: 'Complaints of discrimination on grounds of nationality received',
		guidanceEs: 'Denuncias registradas por la municipalidad en el año.',
		guidanceEn: 'Complaints recorded by the municipality in the year.',
		unit: 'count',
		higherIsBetter: false,
		source: 'Libro de reclamaciones y denuncias'
	},
	{
		id: 'E2.01',
		domain: 2,
		subarea: 'Institucionalidad y planificación',
		textEs: 'Personas atendidas en el punto focal de atención a la población migrante',
		textEn: 'People served at the migrant focal point',
		guidanceEs:
			'Personas distintas atendidas en el año, incluidas familias peruanas retornadas o mixtas.',
		guidanceEn:
			'Distinct people served in the year, including returning or mixed Peruvian families.',
		unit: 'count',
		higherIsBetter: true,
		source: 'Registro del punto focal'
	},
	{
		id: 'E2.02',
		domain: 2,
		subarea: 'Datos e información',
		textEs: 'Casos de la DEMUNA con la nacionalidad registrada',
		textEn: 'DEMUNA cases with nationality recorded',
		guidanceEs: 'Porcentaje de los casos del año con el campo de nacionalidad lleno.',
		guidanceEn: "Percentage of the year's cases with the nationality field filled in.",
		unit: 'percent',
		higherIsBetter: true,
		source: 'Registro de casos DEMUNA'
	},
	{
		id: 'E4.01',
		domain: 4,
		subarea: 'Salud, educación y protección social',
		textEs: 'Niñas, niños y adolescentes migrantes inscritos en programas municipales',
		textEn: 'Migrant children and adolescents enrolled in municipal programmes',
		guidanceEs: 'Vaso de Leche, talleres, academias deportivas y programas de primera infancia.',
		guidanceEn: 'Vaso de Leche, workshops, sports academies and early-childhood programmes.',
		unit: 'count',
		higherIsBetter: true,
		source: 'Padrón municipal'
	},
	{
		id: 'E4.02',
		domain: 4,
		subarea: 'Salud, educación y protección social',
		textEs: 'Población migrante del distrito afiliada al SIS',
		textEn: "Share of the district's migrant population enrolled in the SIS",
		guidanceEs: 'Personas extranjeras afiliadas al SIS entre la población migrante estimada.',
		guidanceEn: 'Foreign nationals enrolled in the SIS over the estimated migrant population.',
		unit: 'percent',
		higherIsBetter: true,
		source: 'SIS'
	},
	{
		id: 'E4.03',
		domain: 4,
		subarea: 'Empleo y medios de vida',
		textEs: 'Personas inscritas en la bolsa de trabajo municipal',
		textEn: 'People registered with the municipal job bank',
		guidanceEs: 'Personas inscritas en el año, por sexo y nacionalidad.',
		guidanceEn: 'People registered in the year, by sex and nationality.',
		unit: 'count',
		higherIsBetter: true,
		source: 'Bolsa de trabajo municipal'
	},
	{
		id: 'E5.01',
		domain: 5,
		subarea: 'Respuesta y recuperación',
		textEs: 'Emergencias atendidas con personas migrantes afectadas',
		textEn: 'Emergencies attended in which migrants were affected',
		guidanceEs:
			'Emergencias registradas en el SINPAD con al menos una persona extranjera afectada.',
		guidanceEn: 'Emergencies recorded in SINPAD with at least one foreign national affected.',
		unit: 'count',
		higherIsBetter: false,
		source: 'SINPAD'
	},
	{
		id: 'E6.01',
		domain: 6,
		subarea: 'Regularización y documentación',
		textEs: 'Personas orientadas sobre regularización migratoria por cada 1000 migrantes',
		textEn: 'People advised on regularisation per 1,000 migrants',
		guidanceEs:
			'Orientaciones del punto focal sobre el CPP y otros trámites, entre la población migrante estimada.',
		guidanceEn:
			'Advice given by the focal point on the CPP and other procedures, over the estimated migrant population.',
		unit: 'per_1000',
		higherIsBetter: true,
		source: 'Registro del punto focal'
	}
];

export const FRAMEWORK_COLUMNS = [
	'indicator_id',
	'domain',
	'subarea',
	'kind',
	'text_es',
	'text_en',
	'guidance_es',
	'guidance_en',
	'weight',
	'unit',
	'higher_is_better'
] as const;

export function frameworkCsv(): string {
	const rows: Record<string, Cell>[] = [
		...POLICY_INDICATORS.map((p) => ({
			indicator_id: p.id,
			domain: String(p.domain),
			subarea: p.subarea,
			kind: 'policy',
			text_es: p.textEs,
			text_en: p.textEn,
			guidance_es: p.guidanceEs,
			guidance_en: p.guidanceEn,
			weight: String(p.weight),
			unit: '',
			higher_is_better: ''
		})),
		...STATISTIC_INDICATORS.map((s) => ({
			indicator_id: s.id,
			domain: String(s.domain),
			subarea: s.subarea,
			kind: 'statistic',
			text_es: s.textEs,
			text_en: s.textEn,
			guidance_es: s.guidanceEs,
			guidance_en: s.guidanceEn,
			weight: '',
			unit: s.unit,
			higher_is_better: s.higherIsBetter ? 'true' : 'false'
		}))
	];
	return toCsv(FRAMEWORK_COLUMNS, rows);
}
