import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '../auth/decorators.js';
import { RedisConnection } from '../redis/redis-connection.js';

type Check = 'ok' | 'down';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisConnection,
  ) {}

  /** 200 when the database and Redis (when `REDIS_URL` is set) answer; 503 naming what does not. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness, database and Redis reachability' })
  async health(): Promise<{ status: 'ok'; database: Check; redis: Check | 'not used' }> {
    const [database, redis] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        (): Check => 'ok',
        (): Check => 'down',
      ),
      this.redis.status(),
    ]);
    const down = [database === 'down' && 'database', redis === 'down' && 'Redis'].filter(Boolean);
    if (down.length > 0) {
      throw new ServiceUnavailableException(`Unreachable: ${down.join(', ')}`);
    }
    return { status: 'ok', database, redis };
  }
}
