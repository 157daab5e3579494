import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { ExhibitorsModule } from '../exhibitors/exhibitors.module.js';
import { ApplicationDecisionsService } from './application-decisions.service.js';
import {
  ApplicationsController,
  EditionApplicationsController,
} from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [EditionsModule, ExhibitorsModule],
  controllers: [EditionApplicationsController, ApplicationsController],
  providers: [ApplicationsService, ApplicationDecisionsService],
})
export class ApplicationsModule {}
