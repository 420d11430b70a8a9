import type { ConfigSectionChange } from '../api/types';
import { StatusBadge } from '../shared/StatusBadge';

/** What changed, one configuration section at a time (the API's format=sections): interface Gi0/1, router bgp 65000, global… */
export function SectionDiff({ sections }: { sections: readonly ConfigSectionChange[] }) {
  if (sections.length === 0) return <p>No section changed between these versions.</p>;
  return (
    <ol className="section-diff">
      {sections.map((section, index) => (
        <li key={`${index}:${section.section}`} className="card">
          <h3>
            <code>{section.path.join(' › ')}</code> <StatusBadge status={section.status} />
          </h3>
          <p>{section.summary}</p>
          {(section.removed.length > 0 || section.added.length > 0) && (
            <pre className="section-lines">
              {section.removed.map((line, lineIndex) => (
                <span key={`r${lineIndex}`} className="removed">
                  <span aria-hidden="true">- </span>
                  <span className="visually-hidden">removed: </span>
                  {line}
                  {'\n'}
                </span>
              ))}
              {section.added.map((line, lineIndex) => (
                <span key={`a${lineIndex}`} className="added">
                  <span aria-hidden="true">+ </span>
                  <span className="visually-hidden">added: </span>
                  {line}
                  {'\n'}
                </span>
              ))}
            </pre>
          )}
        </li>
      ))}
    </ol>
  );
}
