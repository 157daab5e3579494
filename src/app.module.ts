import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { configurePasswordHashing } from './auth/passwords.js';
import { AnnouncementsModule } from './announcements/announcements.js';
import { ApplicationsModule } from './applications/applications.module.js';
import { AuthModule } from './auth/auth.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { createValidationPipe } from './common/validation.js';
import { ConfigModule } from './config/config.module.js';
import { ConventionsModule } from './conventions/conventions.module.js';
import { EnvironmentVariables, loadEnvironment } from './config/env.js';
import { DatabaseModule } from './database/database.module.js';
import { EditionsModule } from './editions/editions.module.js';
import { ExhibitorsModule } from './exhibitors/exhibitors.module.js';
import { HealthController } from './health/health.controller.js';
import { LeadsModule } from './leads/leads.module.js';
import { MailModule, OutboxModule } from './mail/mail.module.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { PrintModule } from './print/print.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { RedisModule } from './redis/redis.module.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';
import { RegistrationsModule } from './registrations/registrations.module.js';
import { ScheduleModule } from './schedule/schedule.module.js';
import { SectorsModule } from './sectors/sectors.module.js';
import { SeedModule } from './seed/seed.module.js';
import { StatsModule } from './stats/stats.module.js';
import { TeamsModule } from './teams/teams.module.js';

/** The whole application; tests import it too, so global pipes, filters and guards are the real ones. */
@Module({})
export class AppModule {
  static forRoot(env: EnvironmentVariables = loadEnvironment()): DynamicModule {
    configurePasswordHashing(env);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule,
        RedisModule,
        OutboxModule,
        EventEmitterModule.forRoot(),
        AuthModule,
        EditionsModule,
        ExhibitorsModule,
        ApplicationsModule,
        SectorsModule,
        RegistrationsModule,
        MeetingsModule,
        ScheduleModule,
        RecommendationsModule,
        ConventionsModule,
        StatsModule,
        TeamsModule,
        LeadsModule,
        PrintModule,
        RealtimeModule,
        AnnouncementsModule,
        SeedModule,
        MailModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
      ],
    };
  }
}
