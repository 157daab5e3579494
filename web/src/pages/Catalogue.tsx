import { useEffect, useRef, useState } from 'preact/hooks';
import { api, LEGAL_FORMS, type Edition, type Exhibitor, type Page, type Sector } from '../api';
import { ErrorText } from '../components';
import { t } from '../i18n';
import { Link } from '../router';
import { Suggestions } from './Suggestions';

const PAGE_SIZE = 24;

type Filters = Record<'q' | 'sector' | 'legalForm' | 'department', string>;

function readFilters(): Filters {
  const p = new URLSearchParams(location.search);
  return {
    q: p.get('q') ?? '',
    sector: p.get('sector') ?? '',
    legalForm: p.get('legalForm') ?? '',
    department: p.get('department') ?? '',
  };
}

function queryString(filters: Filters, page = 1): string {
  const p = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) p.set(key, value.trim());
  if (page > 1) p.set('page', String(page));
  return p.toString();
}

/** The departments present in the catalogue, for the filter (a few pages at most). */
async function loadDepartments(editionId: string): Promise<string[]> {
  const departments = new Set<string>();
  for (let page = 1; page <= 5; page++) {
    const res = await api<Page<Exhibitor>>(
      `/editions/${editionId}/exhibitors?limit=100&page=${page}`,
    );
    for (const e of res.items) departments.add(e.organization.department);
    if (page * res.limit >= res.total) break;
  }
  return [...departments].sort((a, b) => a.localeCompare(b, 'fr'));
}

/** For the filters: the list's sectors some exhibitor of the edition has (in French order), and departments. */
async function loadFacets(
  editionId: string,
): Promise<{ sectors: string[]; departments: string[] }> {
  const [sectors, departments] = await Promise.all([
    api<Sector[]>(`/sectors?editionId=${editionId}`),
    loadDepartments(editionId),
  ]);
  return {
    sectors: sectors.filter((s) => (s.exhibitors ?? 0) > 0).map((s) => s.label),
    departments,
  };
}

export function Catalogue({ edition }: { edition: Edition }) {
  const [filters, setFilters] = useState<Filters>(readFilters);
  const [result, setResult] = useState<Page<Exhibitor> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [facets, setFacets] = useState<{ sectors: string[]; departments: string[] }>({
    sectors: [],
    departments: [],
  });
  const sequence = useRef(0);

  useEffect(() => {
    loadFacets(edition.id).then(setFacets, () => undefined);
  }, [edition.id]);

  // Search as you type: a short pause after the last key, and only the latest answer is shown.
  useEffect(() => {
    const qs = queryString(filters);
    history.replaceState(null, '', qs ? `/?${qs}` : '/');
    const mine = ++sequence.current;
    const timer = setTimeout(
      () => {
        api<Page<Exhibitor>>(`/editions/${edition.id}/exhibitors?${qs}&limit=${PAGE_SIZE}`)
          .then((res) => {
            if (mine !== sequence.current) return;
            setResult(res);
            setError(null);
          })
          .catch((e: unknown) => mine === sequence.current && setError(e));
      },
      result ? 180 : 0,
    );
    return () => clearTimeout(timer);
  }, [edition.id, filters.q, filters.sector, filters.legalForm, filters.department]);

  const more = async () => {
    if (!result) return;
    const next = await api<Page<Exhibitor>>(
      `/editions/${edition.id}/exhibitors?${queryString(filters, result.page + 1)}&limit=${PAGE_SIZE}`,
    );
    setResult({ ...next, items: [...result.items, ...next.items] });
  };

  const update = (key: keyof Filters) => (event: Event) =>
    setFilters({ ...filters, [key]: (event.currentTarget as HTMLInputElement).value });

  return (
    <section>
      <h1>{t('catalogue.title')}</h1>
      <p class="lead">
        {t('catalogue.lead', { edition: edition.name, venue: edition.venue, city: edition.city })}
      </p>
      <Suggestions edition={edition} />
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field search">
          <label for="q">{t('catalogue.search')}</label>
          <input
            id="q"
            type="search"
            value={filters.q}
            onInput={update('q')}
            placeholder={t('catalogue.searchPlaceholder')}
            autoComplete="off"
          />
        </div>
        <div class="field">
          <label for="sector">{t('catalogue.sector')}</label>
          <select id="sector" value={filters.sector} onChange={update('sector')}>
            <option value="">{t('catalogue.all')}</option>
            {facets.sectors.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="legalForm">{t('catalogue.legalForm')}</label>
          <select id="legalForm" value={filters.legalForm} onChange={update('legalForm')}>
            <option value="">{t('catalogue.all')}</option>
            {LEGAL_FORMS.map((f) => (
              <option key={f} value={f}>
                {t(`legalForm.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="department">{t('catalogue.department')}</label>
          <select id="department" value={filters.department} onChange={update('department')}>
            <option value="">{t('catalogue.all')}</option>
            {facets.departments.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorText error={error} />
      <p class="count" role="status" aria-live="polite">
        {result ? t('catalogue.count', { count: result.total }) : t('common.loading')}
      </p>
      <ul class="cards">
        {result?.items.map((e) => (
          <li key={e.id} class="card">
            <h2>
              <Link href={`/exhibitors/${e.id}`}>{e.organization.name}</Link>
            </h2>
            <p class="meta">
              {t(`legalForm.${e.organization.legalForm}`)} · {e.organization.city} (
              {e.organization.department}) · {t('exhibitor.standShort', { stand: e.stand })}
            </p>
            <ul class="tags" aria-label={t('catalogue.sectors')}>
              {e.organization.sectors.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
            <CardLines offers={e.organization.offers} needs={e.organization.needs} q={filters.q} />
          </li>
        ))}
      </ul>
      {result && result.items.length < result.total && (
        <button type="button" class="secondary" onClick={() => void more()}>
          {t('catalogue.more')}
        </button>
      )}
    </section>
  );
}

// Lower case, without accents: "Économie" finds "economie", as the catalogue's search does.
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The lines of `lines` where a word begins with a word of the search, most words first. */
export function matchingLines(lines: readonly string[], q: string): string[] {
  const words = fold(q)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  if (words.length === 0) return [];
  return lines
    .map((line) => {
      const own = fold(line).split(/[^\p{L}\p{N}]+/u);
      return { line, hits: words.filter((w) => own.some((o) => o.startsWith(w))).length };
    })
    .filter((l) => l.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .map((l) => l.line);
}

/**
 * A card's offers, or, while searching, the offers and needs the search found, so that one sees why
 * this exhibitor is listed.
 */
function CardLines({ offers, needs, q }: { offers: string[]; needs: string[]; q: string }) {
  const foundOffers = matchingLines(offers, q).slice(0, 2);
  const foundNeeds = matchingLines(needs, q).slice(0, 2);
  const searching = foundOffers.length + foundNeeds.length > 0;
  const shownOffers = searching ? foundOffers : offers.slice(0, 2);
  return (
    <>
      {shownOffers.length > 0 && (
        <p class="offers">
          <strong>{t('exhibitor.offersShort')}</strong> {shownOffers.join(' · ')}
        </p>
      )}
      {foundNeeds.length > 0 && (
        <p class="offers needs">
          <strong>{t('exhibitor.needsShort')}</strong> {foundNeeds.join(' · ')}
        </p>
      )}
    </>
  );
}
