import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { CatalogueService } from './catalogue.service.js';
import { ExhibitorsController, OrganizationsController } from './exhibitors.controller.js';
import { ExhibitorsService } from './exhibitors.service.js';
import { OrganizationsService } from './organizations.service.js';

@Module({
  imports: [EditionsModule],
  controllers: [ExhibitorsController, OrganizationsController],
  providers: [ExhibitorsService, OrganizationsService, CatalogueService],
  exports: [ExhibitorsService, OrganizationsService],
})
export class ExhibitorsModule {}
