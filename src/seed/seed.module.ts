import { Module } from '@nestjs/common';
import { ConventionsModule } from '../conventions/conventions.module.js';
import { EditionsModule } from '../editions/editions.module.js';
import { ExhibitorsModule } from '../exhibitors/exhibitors.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { RegistrationsModule } from '../registrations/registrations.module.js';
import { SeedService } from './seed.service.js';

@Module({
  imports: [
    EditionsModule,
    ExhibitorsModule,
    RegistrationsModule,
    MeetingsModule,
    ConventionsModule,
  ],
  providers: [SeedService],
  exports: [SeedService],
})
export class SeedModule {}
