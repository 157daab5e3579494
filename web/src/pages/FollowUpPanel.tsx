import { useEffect, useState } from 'preact/hooks';
import { FEEDBACK_ANSWERS, FEEDBACK_STAGES } from '../../../src/contract/vocabularies';
import { api, type Edition, type MailFigures, type Stats } from '../api';
import { ErrorText } from '../components';
import { t } from '../i18n';

/**
 * What the parties said of their meetings after the event (the two stages of the feedback mail),
 * from the edition's figures, which move live.
 */
export function FeedbackPanel({ feedback }: { feedback: Stats['feedback'] }) {
  return (
    <section class="panel" aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t('followUp.feedbackTitle')}</h2>
      <p>{t('followUp.answered', { count: feedback.meetingsAnswered })}</p>
      {FEEDBACK_STAGES.map((stage) => (
        <div key={stage} data-feedback={stage}>
          <h3>{t(`followUp.stages.${stage}`)}</h3>
          <dl class="figures">
            {FEEDBACK_ANSWERS[stage].map((answer) => (
              <div key={answer} data-answer={answer}>
                <dt>{t(`followUp.answers.${answer}`)}</dt>
                <dd>{feedback[stage][answer] ?? 0}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </section>
  );
}

/** How the edition's mail went, kind by kind: sent, waiting, given up, not sent on purpose. */
export function MailPanel({ edition }: { edition: Edition }) {
  const [figures, setFigures] = useState<MailFigures | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    api<MailFigures>(`/editions/${edition.id}/mail/figures`).then((f) => {
      setFigures(f);
      setError(null);
    }, setError);
  useEffect(() => void load(), [edition.id]);
  const columns = ['sent', 'pending', 'failed', 'skipped'] as const;
  return (
    <section class="panel" aria-labelledby="mail-title">
      <div class="title-row">
        <h2 id="mail-title">{t('followUp.mailTitle')}</h2>
        <button type="button" class="secondary" onClick={() => void load()}>
          {t('followUp.refresh')}
        </button>
      </div>
      <ErrorText error={error} />
      {figures && (
        <div class="table-wrap">
          <table class="mail-figures">
            <thead>
              <tr>
                <th scope="col">{t('followUp.kind')}</th>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {t(`followUp.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {figures.kinds.map((k) => (
                <tr key={k.kind} data-kind={k.kind}>
                  <th scope="row">{t(`followUp.kinds.${k.kind.replace('.', '_')}`)}</th>
                  {columns.map((c) => (
                    <td key={c} data-column={c} class={c === 'failed' && k[c] > 0 ? 'warning' : ''}>
                      {k[c]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{t('followUp.mailHint')}</p>
    </section>
  );
}
