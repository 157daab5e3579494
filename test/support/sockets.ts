import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export interface Heard {
  event: string;
  payload: unknown;
}

/** A socket.io client that records everything it hears. */
export class Listener {
  readonly heard: Heard[] = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((event: string, payload: unknown) => this.heard.push({ event, payload }));
  }

  static async connect(
    url: string,
    token?: string,
    options: Partial<ManagerOptions & SocketOptions> = {},
  ): Promise<Listener> {
    const socket = io(url, {
      auth: token ? { token } : {},
      transports: ['websocket'],
      reconnection: false,
      ...options,
    });
    const listener = new Listener(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('ready', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    return listener;
  }

  /** Resolves with the payload of the first matching event, heard before or after the call. */
  waitFor<T = Record<string, unknown>>(
    event: string,
    match: (payload: T) => boolean = () => true,
    // Events arrive in milliseconds; the wait is long only for a loaded machine (and a failing test).
    ms = 15_000,
  ): Promise<T> {
    const found = this.heard.find((h) => h.event === event && match(h.payload as T));
    if (found) return Promise.resolve(found.payload as T);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.off(event, handler);
        reject(
          new Error(
            `No ${event} within ${ms} ms; heard: ${this.heard.map((h) => h.event).join(', ')}`,
          ),
        );
      }, ms);
      const handler = (payload: T) => {
        if (!match(payload)) return;
        clearTimeout(timer);
        this.socket.off(event, handler);
        resolve(payload);
      };
      this.socket.on(event, handler);
    });
  }

  events(name?: string): Heard[] {
    return this.heard.filter((h) => h.event !== 'ready' && (!name || h.event === name));
  }

  close(): void {
    this.socket.close();
  }
}

/** Fails unless a socket.io connection with this token is refused at the handshake. */
export function refusal(url: string, auth: Record<string, unknown>): Promise<string> {
  const socket = io(url, { auth, transports: ['websocket'], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
    socket.once('ready', () => {
      socket.close();
      reject(new Error('The connection was accepted'));
    });
  });
}

export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
