import { useEffect, useRef, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import type { ServerEventName, ServerEvents } from './api';
import { getState } from './store';

/** One socket.io connection per logged-in token, loaded only when a page needs live updates. */
interface Connection {
  token: string;
  socket: Promise<Socket>;
  /** The server has put us in our rooms: from now on nothing that concerns us is missed. */
  ready: boolean;
}
let current: Connection | null = null;

function connect(token: string): Connection {
  if (current?.token === token) return current;
  disconnect();
  const connection: Connection = {
    token,
    ready: false,
    socket: import('socket.io-client').then(({ io }) => {
      const s = io(location.origin, { auth: { token }, transports: ['websocket'] });
      s.on('ready', () => {
        connection.ready = true;
        // Organizers follow the shown edition even if it was created after they connected.
        const { me, edition } = getState();
        if (me?.role === 'organizer' && edition)
          s.emit('edition.subscribe', { editionId: edition.id });
      });
      s.on('disconnect', () => {
        connection.ready = false;
      });
      return s;
    }),
  };
  current = connection;
  return connection;
}

export function disconnect(): void {
  void current?.socket.then((s) => s.close());
  current = null;
}

/** One event the server sent, with the payload its name carries (see src/contract/socket.ts). */
export type LiveEvent<E extends ServerEventName> = {
  [K in E]: { name: K; payload: ServerEvents[K] };
}[E];

/**
 * Calls `onEvent` for each of these events while the component is shown, and `onReady` each time
 * the connection is (re)established, so that a page refetches whatever it missed meanwhile.
 * Returns whether the live connection is up.
 */
export function useLive<E extends ServerEventName>(
  token: string | null,
  events: readonly E[],
  onEvent: (event: LiveEvent<E>) => void,
  onReady?: () => void,
): boolean {
  const [live, setLive] = useState(false);
  // The latest callbacks, so that a subscription made once per token never calls a stale one.
  const latest = useRef({ onEvent, onReady });
  latest.current = { onEvent, onReady };
  useEffect(() => {
    if (!token) return;
    let socket: Socket | null = null;
    let closed = false;
    const connection = connect(token);
    // socket.io-client types listeners loosely; the server's typed gateway guarantees name ↔ payload.
    const handlers = events.map((name): [string, (payload: unknown) => void] => [
      name,
      (payload) => latest.current.onEvent({ name, payload } as LiveEvent<E>),
    ]);
    const ready = () => {
      setLive(true);
      latest.current.onReady?.();
    };
    const down = () => setLive(false);
    void connection.socket.then((s) => {
      if (closed) return;
      socket = s;
      handlers.forEach(([event, handler]) => s.on(event, handler));
      s.on('ready', ready);
      s.on('disconnect', down);
      if (connection.ready) setLive(true);
    });
    return () => {
      closed = true;
      handlers.forEach(([event, handler]) => socket?.off(event, handler));
      socket?.off('ready', ready);
      socket?.off('disconnect', down);
    };
  }, [token, events.join()]);
  return live;
}
