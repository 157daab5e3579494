import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import './i18n';
import './styles.css';
import { ErrorText } from './components';
import { LANGUAGES, setLanguage, t, useLanguage } from './i18n';
import { disconnect } from './live';
import { Agenda } from './pages/Agenda';
import { ApplicationsPanel } from './pages/ApplicationsPanel';
import { Apply } from './pages/Apply';
import { BadgePage } from './pages/BadgePage';
import { Catalogue } from './pages/Catalogue';
import { CheckInDesk } from './pages/CheckIn';
import { AnnouncementBanner } from './pages/Announcements';
import { Dashboard } from './pages/Dashboard';
import { EditionEditor } from './pages/EditionEditor';
import { ExhibitorPage } from './pages/ExhibitorPage';
import { Inbox } from './pages/Inbox';
import { Join } from './pages/Join';
import { Leads } from './pages/Leads';
import { Login } from './pages/Login';
import { MeetingsAdmin } from './pages/MeetingsAdmin';
import { MyApplications } from './pages/MyApplications';
import { Profile } from './pages/Profile';
import { Register } from './pages/Register';
import { Registrations } from './pages/Registrations';
import { Sectors } from './pages/Sectors';
import { Team } from './pages/Team';
import { VisitorProfile } from './pages/VisitorProfile';
import { Link, navigate, usePath } from './router';
import { boot, chooseEdition, logOut, myParticipantId, useStore, type State } from './store';

function Nav({ store, path }: { store: State; path: string }) {
  const role = store.me?.role;
  const items: [string, string][] = [['/', t('nav.catalogue')]];
  if (!store.me) items.push(['/register', t('nav.register')], ['/login', t('nav.login')]);
  if (!store.me || (role === 'exhibitor' && !myParticipantId(store)))
    items.push(['/apply', t('apply.nav')]);
  if (role === 'visitor') items.push(['/badge', t('nav.badge')]);
  if (role === 'visitor' || role === 'exhibitor') items.push(['/agenda', t('nav.agenda')]);
  if (role === 'exhibitor') items.push(['/inbox', t('nav.inbox')]);
  if (role === 'exhibitor') items.push(['/team', t('team.nav')]);
  if (role === 'exhibitor') items.push(['/leads', t('leads.nav')]);
  if (role === 'organizer') items.push(['/dashboard', t('nav.dashboard')]);
  const current = (href: string) =>
    href === '/' ? path === '/' || path.startsWith('/exhibitors') : path === href;
  return (
    <nav aria-label={t('nav.label')}>
      <ul>
        {items.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={current(href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
        {store.me && (
          <li>
            <button
              type="button"
              class="link"
              onClick={() => {
                disconnect();
                logOut();
                navigate('/');
              }}
            >
              {t('nav.logout')}
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}

function Page({ store, path }: { store: State; path: string }) {
  const edition = store.edition;
  if (!edition) return <p>{t('common.noEdition')}</p>;
  const exhibitor = /^\/exhibitors\/([\w-]+)$/.exec(path);
  if (exhibitor) return <ExhibitorPage edition={edition} id={exhibitor[1]} />;
  if (path === '/register') return <Register edition={edition} />;
  if (path === '/login') return <Login />;
  const joining = /^\/join\/([\w-]+)$/.exec(path);
  if (joining) return <Join key={joining[1]} token={joining[1]} />;
  if (path === '/apply') return <Apply edition={edition} />;
  const needsLogin = [
    '/badge',
    '/agenda',
    '/inbox',
    '/team',
    '/leads',
    '/profile',
    '/dashboard',
    '/check-in',
    '/application',
    '/applications',
  ].includes(path);
  if (needsLogin && !store.me) {
    return (
      <p>
        {/* The query too: a link from a mail (/agenda?declare=…) finds its way back after login. */}
        <Link href={`/login?next=${encodeURIComponent(path + location.search)}`}>
          {t('common.loginRequired')}
        </Link>
      </p>
    );
  }
  if (path === '/badge') return <BadgePage edition={edition} />;
  if (path === '/agenda') return <Agenda edition={edition} />;
  if (path === '/inbox') return <Inbox edition={edition} />;
  if (path === '/team') return <Team edition={edition} />;
  if (path === '/leads') return <Leads edition={edition} />;
  // One address for "my profile": the organization's page for an exhibitor, one's own for a visitor.
  if (path === '/profile')
    return store.me?.role === 'visitor' ? <VisitorProfile edition={edition} /> : <Profile />;
  if (path === '/dashboard') return <Dashboard edition={edition} />;
  if (path === '/application') return <MyApplications />;
  if (path === '/applications') return <ApplicationsPanel edition={edition} />;
  const organizer = store.me?.role === 'organizer';
  if (path === '/editions/new' && organizer) return <EditionEditor />;
  const editing = /^\/editions\/([\w-]+)\/edit$/.exec(path);
  if (editing && organizer) return <EditionEditor key={editing[1]} editionId={editing[1]} />;
  if (path === '/registrations' && organizer) return <Registrations edition={edition} />;
  if (path === '/check-in' && organizer) return <CheckInDesk edition={edition} />;
  if (path === '/meetings' && organizer) return <MeetingsAdmin edition={edition} />;
  if (path === '/sectors' && organizer) return <Sectors />;
  return <Catalogue edition={edition} />;
}

/** Another edition to show (the 2025 one stays readable), when there is more than one. */
function EditionSwitcher({ store }: { store: State }) {
  if (store.editions.length < 2 || !store.edition) return null;
  return (
    <div class="edition-switcher">
      <label for="edition">{t('editionSwitcher.label')}</label>
      <select
        id="edition"
        value={store.edition.id}
        onChange={(e) => chooseEdition(e.currentTarget.value)}
      >
        {store.editions.map((e) => (
          <option key={e.id} value={e.id}>
            {e.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function App({ bootError }: { bootError?: unknown }) {
  const store = useStore();
  const path = usePath();
  const language = useLanguage();
  useEffect(() => {
    document.title = `Coventis · ${store.edition?.name ?? ''}`;
  }, [store.edition, language]);
  return (
    <>
      <a class="skip" href="#main">
        {t('nav.skip')}
      </a>
      <header>
        <Link href="/" class="brand">
          Coventis
        </Link>
        <Nav store={store} path={path} />
        <EditionSwitcher store={store} />
        <div class="language">
          <label for="language">{t('nav.language')}</label>
          <select
            id="language"
            value={language}
            onChange={(e) => void setLanguage(e.currentTarget.value as 'fr' | 'en')}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <AnnouncementBanner />
        {bootError ? (
          <ErrorText error={bootError} />
        ) : store.ready ? (
          <Page store={store} path={path} />
        ) : (
          <p aria-busy="true">{t('common.loading')}</p>
        )}
      </main>
    </>
  );
}

const root = document.getElementById('app')!;
render(<App />, root);
boot().catch((error: unknown) => render(<App bootError={error} />, root));
// The built app works offline from its service worker's cache (vite.config.ts); not in `vite dev`.
if ('serviceWorker' in navigator && import.meta.env.PROD)
  void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
