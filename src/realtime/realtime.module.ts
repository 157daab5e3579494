import { Module } from '@nestjs/common';
import { ConventionsModule } from '../conventions/conventions.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { StatsModule } from '../stats/stats.module.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimeListener } from './realtime.listener.js';

@Module({
  imports: [MeetingsModule, ConventionsModule, StatsModule],
  providers: [RealtimeGateway, RealtimeListener],
})
export class RealtimeModule {}
