import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Sector } from '../api';
import { commaList, ErrorText, Field, Pager, SelectField } from '../components';
import { t } from '../i18n';
import { Link } from '../router';

const LIMIT = 50;
const PLACED = ['label', 'aliases'] as const;

const about = (error: unknown, field: string) =>
  error instanceof ApiError ? error.about(field) : [];

/** The organizer's list of sectors: add, rename, other spellings, merge, delete an unused one. */
export function Sectors() {
  const [list, setList] = useState<Sector[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [page, setPage] = useState(1);
  const load = () =>
    api<Sector[]>('/sectors').then((sectors) => {
      setList(sectors);
      setError(null);
    }, setError);
  useEffect(() => {
    void load();
  }, []);
  const changed = (message: string) => {
    setDone(message);
    void load();
  };
  const pages = list ? Math.max(1, Math.ceil(list.length / LIMIT)) : 1;
  const shown = list?.slice((page - 1) * LIMIT, page * LIMIT) ?? [];

  return (
    <section class="sector-list">
      <p>
        <Link href="/dashboard">{t('sectorList.back')}</Link>
      </p>
      <h1>{t('sectorList.title')}</h1>
      <p class="lead">{t('sectorList.lead')}</p>
      <AddSector onAdded={(s) => changed(t('sectorList.added', { label: s.label }))} />
      <ErrorText error={error} />
      <p class="success" role="status">
        {done}
      </p>
      {list && (
        <>
          <p>{t('sectorList.count', { count: list.length })}</p>
          {list.length > 0 && (
            <div class="table-scroll">
              <table>
                <caption>{t('sectorList.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sectorList.label')}</th>
                    <th scope="col">{t('sectorList.aliases')}</th>
                    <th scope="col">{t('sectorList.organizations')}</th>
                    <th scope="col">{t('sectorList.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((sector) => (
                    <SectorRow
                      key={sector.id}
                      sector={sector}
                      others={list.filter((s) => s.id !== sector.id)}
                      onChanged={changed}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} pages={pages} label={t('sectorList.title')} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function AddSector({ onAdded }: { onAdded: (sector: Sector) => void }) {
  const [label, setLabel] = useState('');
  const [aliases, setAliases] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sector = await api<Sector>('/sectors', {
        method: 'POST',
        body: { label, aliases: commaList(aliases) },
      });
      setLabel('');
      setAliases('');
      onAdded(sector);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="panel" noValidate onSubmit={(e) => void submit(e)}>
      <h2>{t('sectorList.add')}</h2>
      <Field
        name="label"
        label={t('sectorList.newLabel')}
        value={label}
        onInput={(e) => setLabel(e.currentTarget.value)}
        errors={about(error, 'label')}
      />
      <Field
        name="aliases"
        label={t('sectorList.newAliases')}
        hint={t('sectorList.aliasesHint')}
        value={aliases}
        onInput={(e) => setAliases(e.currentTarget.value)}
        errors={about(error, 'aliases')}
      />
      <ErrorText error={error} placed={PLACED} />
      <button type="submit" disabled={busy}>
        {t('sectorList.submitAdd')}
      </button>
    </form>
  );
}

type Mode = 'view' | 'edit' | 'merge';

/** One entry: its figures, and the form of the action under way in a row of its own beneath. */
function SectorRow(props: {
  sector: Sector;
  others: Sector[];
  onChanged: (message: string) => void;
}) {
  const { sector, others, onChanged } = props;
  const [mode, setMode] = useState<Mode>('view');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = (next: Mode) => {
    setError(null);
    setMode(next);
  };
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await work());
      setMode('view');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const remove = () =>
    act(async () => {
      await api(`/sectors/${sector.id}`, { method: 'DELETE' });
      return t('sectorList.deleted', { label: sector.label });
    });
  const usedId = `sector-${sector.id}-used`;

  return (
    <Fragment>
      <tr>
        <th scope="row">{sector.label}</th>
        <td>{sector.aliases.length > 0 ? sector.aliases.join(', ') : t('sectorList.none')}</td>
        <td>{sector.organizations}</td>
        <td>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              aria-label={t('sectorList.editLabel', { label: sector.label })}
              aria-expanded={mode === 'edit'}
              onClick={() => open(mode === 'edit' ? 'view' : 'edit')}
            >
              {t('sectorList.edit')}
            </button>
            {others.length > 0 && (
              <button
                type="button"
                class="secondary"
                aria-label={t('sectorList.mergeLabel', { label: sector.label })}
                aria-expanded={mode === 'merge'}
                onClick={() => open(mode === 'merge' ? 'view' : 'merge')}
              >
                {t('sectorList.merge')}
              </button>
            )}
            <button
              type="button"
              class="secondary"
              aria-label={t('sectorList.deleteLabel', { label: sector.label })}
              disabled={busy || sector.organizations > 0}
              aria-describedby={sector.organizations > 0 ? usedId : undefined}
              onClick={() => void remove()}
            >
              {t('sectorList.delete')}
            </button>
          </div>
          {sector.organizations > 0 && (
            <p class="hint" id={usedId}>
              {t('sectorList.used', { count: sector.organizations })}
            </p>
          )}
          {mode === 'view' && <ErrorText error={error} />}
        </td>
      </tr>
      {mode !== 'view' && (
        <tr>
          <td colSpan={4}>
            {mode === 'edit' ? (
              <EditSector
                sector={sector}
                busy={busy}
                error={error}
                onCancel={() => open('view')}
                onSave={(body) =>
                  act(async () => {
                    const saved = await api<Sector>(`/sectors/${sector.id}`, {
                      method: 'PATCH',
                      body,
                    });
                    return t('sectorList.saved', { label: saved.label });
                  })
                }
              />
            ) : (
              <MergeSector
                sector={sector}
                others={others}
                busy={busy}
                error={error}
                onCancel={() => open('view')}
                onMerge={(into) =>
                  act(async () => {
                    await api<Sector>(`/sectors/${sector.id}/merge`, {
                      method: 'POST',
                      body: { into: into.id },
                    });
                    return t('sectorList.merged', { from: sector.label, into: into.label });
                  })
                }
              />
            )}
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function EditSector(props: {
  sector: Sector;
  busy: boolean;
  error: unknown;
  onSave: (body: { label: string; aliases: string[] }) => Promise<void>;
  onCancel: () => void;
}) {
  const { sector, busy, error, onSave, onCancel } = props;
  const [label, setLabel] = useState(sector.label);
  const [aliases, setAliases] = useState(sector.aliases.join(', '));
  const name = `sector-${sector.id}`;
  return (
    <form
      noValidate
      aria-label={t('sectorList.editTitle', { label: sector.label })}
      onSubmit={(e) => {
        e.preventDefault();
        void onSave({ label, aliases: commaList(aliases) });
      }}
    >
      <Field
        name={`${name}-label`}
        label={t('sectorList.newLabel')}
        hint={t('sectorList.renameHint')}
        value={label}
        onInput={(e) => setLabel(e.currentTarget.value)}
        errors={about(error, 'label')}
      />
      <Field
        name={`${name}-aliases`}
        label={t('sectorList.aliases')}
        hint={t('sectorList.aliasesHint')}
        value={aliases}
        onInput={(e) => setAliases(e.currentTarget.value)}
        errors={about(error, 'aliases')}
      />
      <ErrorText error={error} placed={PLACED} />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('sectorList.save')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('sectorList.cancel')}
        </button>
      </div>
    </form>
  );
}

function MergeSector(props: {
  sector: Sector;
  others: Sector[];
  busy: boolean;
  error: unknown;
  onMerge: (into: Sector) => Promise<void>;
  onCancel: () => void;
}) {
  const { sector, others, busy, error, onMerge, onCancel } = props;
  const [intoId, setIntoId] = useState('');
  const into = others.find((s) => s.id === intoId);
  return (
    <form
      noValidate
      aria-label={t('sectorList.mergeLabel', { label: sector.label })}
      onSubmit={(e) => {
        e.preventDefault();
        if (into) void onMerge(into);
      }}
    >
      <SelectField
        name={`sector-${sector.id}-into`}
        label={t('sectorList.mergeInto', { label: sector.label })}
        value={intoId}
        options={[
          ['', t('sectorList.choose')] as const,
          ...others.map((s) => [s.id, s.label] as const),
        ]}
        onChange={setIntoId}
        errors={about(error, 'into')}
      />
      {into && (
        <p>
          {t('sectorList.mergeConfirm', {
            from: sector.label,
            into: into.label,
            count: sector.organizations,
          })}
        </p>
      )}
      <ErrorText error={error} placed={['into']} />
      <div class="actions">
        <button type="submit" disabled={busy || !into}>
          {t('sectorList.confirmMerge')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('sectorList.cancel')}
        </button>
      </div>
    </form>
  );
}
