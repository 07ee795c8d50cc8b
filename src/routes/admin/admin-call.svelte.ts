/**
 * One write of an admin form (add an account, reset a password, publish):
 * busy while the API call runs, then one line for the form's status region.
 * The three forms said the same things the same way; this keeps them alike.
 */
import { invalidateAll } from '$app/navigation';
import { api, type ApiRequest } from '$lib/api/client';
import { t } from '$lib/i18n/locale.svelte';

export class AdminCall {
	busy = $state(false);
	message = $state('');
	/** the last call did not succeed: the message is the server's refusal or why it was not reached */
	failed = $state(false);

	/**
	 * Calls `path`; on success `done` words the message (and may clear the
	 * form), then the page's data loads again so the lists show the change.
	 */
	async run<T>(path: string, request: ApiRequest, done: (body: T) => string): Promise<void> {
		this.busy = true;
		this.message = '';
		const result = await api<T>(path, request);
		this.busy = false;
		this.failed = result.kind !== 'ok';
		if (result.kind === 'ok') {
			this.message = done(result.body);
			await invalidateAll();
		} else
			this.message =
				result.kind === 'rejected'
					? result.message
					: t('account.admin.unreachable', { message: result.message });
	}
}
