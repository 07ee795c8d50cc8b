import type { Area } from '../types';

const area: Area = { es: {}, en: {} };
export default area;
