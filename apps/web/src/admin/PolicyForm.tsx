import { useState, type FormEvent } from 'react';
import type { DeviceSelector } from '../api/types';
import { useSession } from '../session/session-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useApiAction } from '../shared/use-api-action';

/** A new backup policy: a cron schedule in a time zone over a selection of devices. */
export function PolicyForm({ onCreated }: { onCreated(): void }) {
  const { api } = useSession();
  const create = useApiAction();
  const [form, setForm] = useState({ name: '', cron: '0 2 * * *', timezone: 'UTC', site: '', platform: '', role: '', tags: '' });
  const field = (name: keyof typeof form, label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`policy-${name}`}>{label}</label>
      <input id={`policy-${name}`} value={form[name]} onChange={(event) => setForm({ ...form, [name]: event.target.value })} placeholder={hint} />
    </div>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const tags = form.tags.split(',').map((tag) => tag.trim()).filter(Boolean);
    const selector: DeviceSelector = {
      site: form.site || undefined,
      platform: form.platform || undefined,
      role: form.role || undefined,
      tags: tags.length > 0 ? tags : undefined,
    };
    const created = await create.run(() => api.post('/api/v1/backup-policies', { body: { name: form.name, cron: form.cron, timezone: form.timezone, selector } }));
    if (created) {
      setForm({ ...form, name: '' });
      onCreated();
    }
  };

  return (
    <form className="card form-grid" onSubmit={submit} aria-labelledby="new-policy-heading">
      <h3 id="new-policy-heading">New policy</h3>
      {field('name', 'Name', 'core-nightly')}
      {field('cron', 'Schedule (cron)', '0 2 * * *')}
      {field('timezone', 'Time zone', 'Europe/Amsterdam')}
      {field('site', 'Site', 'any')}
      {field('platform', 'Platform', 'any')}
      {field('role', 'Role', 'any')}
      {field('tags', 'Tags (all of them)', 'core, edge')}
      <ErrorNotice error={create.error} title="Policy not created" />
      <button type="submit" className="primary" disabled={create.pending}>
        Create policy
      </button>
    </form>
  );
}
