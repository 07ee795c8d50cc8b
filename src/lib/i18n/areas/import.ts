import type { Area } from '../types';

// Validation and import messages. Owned by the import pipeline (src/lib/data).
const area: Area = { es: {}, en: {} };
export default area;
