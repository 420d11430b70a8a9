import { useState, type FormEvent } from 'react';
import type { WebhookEvent } from '../api/types';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useApiAction } from '../shared/use-api-action';

const EVENTS: { value: WebhookEvent; label: string }[] = [
  { value: 'config.changed', label: 'A configuration changed' },
  { value: 'backup.failed', label: 'A backup failed' },
];

/** A new webhook. Its secret is sent once and never shown again: the API stores it encrypted and never returns it. */
export function WebhookForm({ onCreated }: { onCreated(): void }) {
  const { api } = useSession();
  const create = useApiAction();
  const [url, setUrl] = useState('');
  const [secret, setSecret] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['config.changed']);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run(() => api.post('/api/v1/webhooks', { body: { url, secret, events, description: description || undefined } }));
    if (created) {
      setUrl('');
      setSecret('');
      setDescription('');
      onCreated();
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="new-webhook-heading">
      <h3 id="new-webhook-heading">New webhook</h3>
      <div className="field">
        <label htmlFor="webhook-url">URL</label>
        <input id="webhook-url" type="url" required value={url} onChange={(event) => setUrl(event.target.value)} placeholder="https://hooks.example.net/netkeep" />
      </div>
      <div className="field">
        <label htmlFor="webhook-secret">Signing secret (16 characters or more)</label>
        <input id="webhook-secret" type="password" autoComplete="new-password" required value={secret} onChange={(event) => setSecret(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="webhook-description">Description</label>
        <input id="webhook-description" value={description} onChange={(event) => setDescription(event.target.value)} />
      </div>
      <fieldset>
        <legend>Events</legend>
        {EVENTS.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={events.includes(option.value)}
              onChange={(event) => setEvents(event.target.checked ? [...events, option.value] : events.filter((value) => value !== option.value))}
            />{' '}
            {option.label} <code>{option.value}</code>
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={create.error} title="Webhook not created" />
      <button type="submit" className="primary" disabled={create.pending}>
        Create webhook
      </button>
    </form>
  );
}
