import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ExportsService } from '../stats/exports.service.js';
import { StatsService } from '../stats/stats.service.js';
import { ConventionViews } from './convention-views.js';
import { ConventionsController, StatsController } from './conventions.controller.js';
import { ConventionsService } from './conventions.service.js';

@Module({
  imports: [EditionsModule, MeetingsModule],
  controllers: [ConventionsController, StatsController],
  providers: [ConventionsService, ConventionViews, StatsService, ExportsService],
  exports: [ConventionsService, ConventionViews, StatsService],
})
export class ConventionsModule {}
