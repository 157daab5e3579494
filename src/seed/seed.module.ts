import { Module } from '@nestjs/common';
import { EditionsModule } from '../editions/editions.module.js';
import { ExhibitorsModule } from '../exhibitors/exhibitors.module.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [EditionsModule, ExhibitorsModule, RegistrationsModule],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
