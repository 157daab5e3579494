import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { EnvironmentVariables } from '../config/env.js';
import { MeetingsService } from './meetings.service.js';

/** Sweeps overdue requests now and then, so that they stop counting and their parties hear of it. */
@Injectable()
export class RequestExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RequestExpiry.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly meetings: MeetingsService,
    private readonly env: EnvironmentVariables,
  ) {}

  onApplicationBootstrap(): void {
    const every = Math.min(
      60_000,
      Math.max(500, (this.env.MEETING_REQUEST_TTL_SECONDS * 1000) / 4),
    );
    this.timer = setInterval(() => {
      this.meetings.expireDue().catch((error: unknown) => this.logger.error(error));
    }, every);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
