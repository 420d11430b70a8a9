import type { ApiError } from '../api/api-error';

/** The API's own message, which says what to do, with each refused field. */
export function ErrorNotice({ error, title }: { error: ApiError | undefined; title?: string }) {
  if (!error) return null;
  return (
    <div className="error-notice" role="alert">
      {title && <strong>{title}: </strong>}
      {error.message}
      {error.fieldProblems.length > 0 && (
        <ul>
          {error.fieldProblems.map((problem) => (
            <li key={problem.field}>
              <code>{problem.field}</code>: {problem.problems.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
