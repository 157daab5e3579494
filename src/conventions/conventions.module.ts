import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { ExhibitorsModule } from '../exhibitors/exhibitors.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ConventionViews } from './convention-views.js';
import { ConventionsController } from './conventions.controller.js';
import { ConventionsService } from './conventions.service.js';

@Module({
  imports: [EditionsModule, ExhibitorsModule, MeetingsModule],
  controllers: [ConventionsController],
  providers: [ConventionsService, ConventionViews],
  exports: [ConventionsService, ConventionViews],
})
export class ConventionsModule {}
