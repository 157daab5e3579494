import { Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import { Adapter as InMemoryAdapter } from 'socket.io-adapter';
import type { ServerEventName, ServerEvents } from '../contract/socket.js';
import type { Repository } from 'typeorm';
import { bearerToken } from '../auth/auth.guard.js';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Edition } from '../editions/edition.entity.js';
import { Participant } from '../participants/participant.entity.js';

export const userRoom = (userId: string) => `user:${userId}`;
export const editionRoom = (editionId: string) => `edition:${editionId}`;
export const participantsRoom = (editionId: string) => `participants:${editionId}`;

interface SocketData {
  user: AuthUser;
}

/**
 * Live updates over socket.io. A connection without a valid token is refused during the
 * handshake; each user joins a room of their own and one per edition they take part in,
 * organizers also each edition's organizer room.
 */
@WebSocketGateway({ cors: { origin: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(RealtimeGateway.name);

  @WebSocketServer()
  server: Server;

  constructor(
    private readonly auth: AuthService,
    @InjectRepository(Edition) private readonly editions: Repository<Edition>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const handshake = socket.handshake as {
        auth?: { token?: unknown };
        headers: Record<string, string | undefined>;
      };
      const token =
        typeof handshake.auth?.token === 'string'
          ? handshake.auth.token
          : bearerToken(handshake.headers.authorization);
      if (!token) return next(new Error('Unauthorized: connect with auth: {token}'));
      this.auth
        .authenticate(token)
        .then((user) => {
          if (!user) return next(new Error('Unauthorized: invalid or expired token'));
          (socket.data as SocketData).user = user;
          next();
        })
        .catch((error: unknown) => {
          this.logger.error(error);
          next(new Error('Unauthorized'));
        });
    });
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { user } = socket.data as SocketData;
    const rooms = [userRoom(user.id)];
    const mine = await this.participants.find({
      select: { editionId: true },
      where: { userId: user.id },
    });
    rooms.push(...mine.map((p) => participantsRoom(p.editionId)));
    if (user.role === 'organizer') {
      rooms.push(
        ...(await this.editions.find({ select: { id: true } })).map((e) => editionRoom(e.id)),
      );
    }
    await socket.join(rooms);
    const ready: ServerEvents['ready'] = { userId: user.id, rooms: rooms.length };
    socket.emit('ready', ready);
  }

  /** Organizers follow an edition created after they connected. */
  @SubscribeMessage('edition.subscribe')
  async subscribe(
    socket: Socket,
    payload: { editionId?: unknown },
  ): Promise<{ ok: boolean; error?: string }> {
    const { user } = socket.data as SocketData;
    if (user.role !== 'organizer')
      return { ok: false, error: 'Only organizers follow an edition room' };
    const editionId = typeof payload?.editionId === 'string' ? payload.editionId : '';
    if (!(await this.editions.existsBy({ id: editionId }).catch(() => false))) {
      return { ok: false, error: 'editionId is not an edition' };
    }
    await socket.join(editionRoom(editionId));
    return { ok: true };
  }

  toUsers<E extends ServerEventName>(userIds: string[], event: E, payload: ServerEvents[E]): void {
    for (const id of userIds) this.server.to(userRoom(id)).emit(event, payload);
  }

  /**
   * Whether an organizer may be following the edition. Without Redis this process holds every
   * socket and its room says; through Redis, sockets on other instances are not known here, so yes.
   */
  watched(editionId: string): boolean {
    const adapter = this.server.of('/').adapter;
    if (adapter.constructor !== InMemoryAdapter) return true;
    return (adapter.rooms.get(editionRoom(editionId))?.size ?? 0) > 0;
  }

  toEdition<E extends ServerEventName>(
    editionId: string,
    event: E,
    payload: ServerEvents[E],
  ): void {
    this.server.to(editionRoom(editionId)).emit(event, payload);
  }

  toEveryoneAt<E extends ServerEventName>(
    editionId: string,
    event: E,
    payload: ServerEvents[E],
  ): void {
    this.server.to([participantsRoom(editionId), editionRoom(editionId)]).emit(event, payload);
  }
}
