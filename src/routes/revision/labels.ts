import { tUnder } from '$lib/i18n/locale.svelte';

/** A round's state in words (src/lib/i18n/areas/review.ts): Enviada, Devuelta, Validada, Publicada. */
export const stateLabel = (state: string) => tUnder('review.state.', state);

/** An answer code in words (profile area): cumple → «Cumple». */
export const answerLabel = (answer: string) => tUnder('answer.', answer);
