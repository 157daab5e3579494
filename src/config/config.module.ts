import { Global, Module, type DynamicModule } from '@nestjs/common';
import { EnvironmentVariables } from './env.js';

/** Makes the validated environment injectable as `EnvironmentVariables`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(env: EnvironmentVariables): DynamicModule {
    return {
      module: ConfigModule,
      providers: [{ provide: EnvironmentVariables, useValue: env }],
      exports: [EnvironmentVariables],
    };
  }
}
