import { useEffect, useRef, useState } from 'react';
import type { IssuedApiToken } from '../api/types';

/** The new token, this once: only its hash is stored, so nobody can show it again. Dismissing it forgets it here too. */
export function NewTokenNotice({ issued, onDismiss }: { issued: IssuedApiToken; onDismiss(): void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, []);

  const copy = async () => {
    await navigator.clipboard?.writeText(issued.token);
    setCopied(true);
  };

  return (
    <div className="card new-token" role="alertdialog" aria-labelledby="new-token-heading" aria-describedby="new-token-help">
      <h3 id="new-token-heading">
        Token “{issued.name}” ({issued.role})
      </h3>
      <p id="new-token-help">Store it now: it is shown this once and cannot be read again.</p>
      <label htmlFor="new-token-value" className="visually-hidden">
        The new token
      </label>
      <input id="new-token-value" ref={field} readOnly value={issued.token} className="token-value" spellCheck={false} />
      <div className="toolbar">
        {typeof navigator !== 'undefined' && navigator.clipboard && (
          <button type="button" onClick={copy}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        )}
        <button type="button" className="primary" onClick={onDismiss}>
          I have stored it
        </button>
      </div>
    </div>
  );
}
