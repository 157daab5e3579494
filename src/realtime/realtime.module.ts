import { Module } from '@nestjs/common';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { RealtimeGateway } from './realtime.gateway.js';
import { RealtimeListener } from './realtime.listener.js';

@Module({
  imports: [MeetingsModule],
  providers: [RealtimeGateway, RealtimeListener],
})
export class RealtimeModule {}
