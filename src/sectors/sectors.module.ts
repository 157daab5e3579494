import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { ExhibitorsModule } from '../exhibitors/exhibitors.module.js';
import { SectorsController } from './sectors.controller.js';
import { SectorsService } from './sectors.service.js';

@Module({
  imports: [EditionsModule, ExhibitorsModule],
  controllers: [SectorsController],
  providers: [SectorsService],
})
export class SectorsModule {}
