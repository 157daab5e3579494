import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CurrentUser, Public, type AuthUser } from '../auth/decorators.js';
import { User } from '../auth/user.entity.js';
import { badRequest } from '../common/errors.js';
import { IdParam, OneOf } from '../common/validation.js';
import { EnvironmentVariables } from '../config/env.js';
import { Edition } from '../editions/edition.entity.js';
import { escapeHtml, FEEDBACK_LABELS, type Language } from '../mail/messages.js';
import { feedbackUrl, validFeedbackLink, type FeedbackLink } from '../mail/signed-links.js';
import { Participant } from '../participants/participant.entity.js';
import {
  FEEDBACK_ANSWERS,
  FEEDBACK_STAGES,
  type FeedbackAnswer,
  type FeedbackStage,
} from './feedback.entity.js';
import { FeedbackService } from './feedback.service.js';
import { partnerName } from './calendar.js';
import { Meeting } from './meeting.entity.js';
import { forViewer, MeetingViews } from './meeting-views.js';
import type { MeetingDto } from './meetings.dto.js';

const ALL_ANSWERS = [...FEEDBACK_ANSWERS.first, ...FEEDBACK_ANSWERS.second];

export class FeedbackDto {
  @OneOf(FEEDBACK_STAGES)
  stage: FeedbackStage;

  @OneOf(ALL_ANSWERS, { description: 'One of the stage’s answers' })
  answer: FeedbackAnswer;
}

const PAGE: Record<Language, Record<string, string>> = {
  fr: {
    first: 'Votre rendez-vous avec {partner} : qu’en est-il sorti ?',
    second: 'Après votre rendez-vous avec {partner} : un accord a-t-il été trouvé ?',
    confirm: 'Confirmer : {answer}',
    others: 'Ou répondez autrement :',
    current: 'Votre réponse enregistrée : {answer}.',
    thanks: 'Merci, c’est noté : {answer}.',
    later: 'Nous vous redemanderons dans quelques mois si un accord a été trouvé.',
    declare:
      'Déclarez la convention : elle entrera au registre de la convention d’affaires, avec ce rendez-vous pour origine.',
    declareLink: 'Déclarer la convention',
  },
  en: {
    first: 'Your meeting with {partner}: what came of it?',
    second: 'After your meeting with {partner}: was an agreement reached?',
    confirm: 'Confirm: {answer}',
    others: 'Or answer otherwise:',
    current: 'Your recorded answer: {answer}.',
    thanks: 'Thank you, recorded: {answer}.',
    later: 'We will ask you again in a few months whether an agreement was reached.',
    declare:
      'Declare the convention: it will join the convention’s register, with this meeting as its origin.',
    declareLink: 'Declare the convention',
  },
};

interface Asked {
  link: FeedbackLink;
  stage: FeedbackStage;
  lang: Language;
  edition: Edition;
  meeting: MeetingDto;
}

@ApiTags('meetings')
@Controller()
export class FeedbackController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feedback: FeedbackService,
    private readonly views: MeetingViews,
    private readonly env: EnvironmentVariables,
  ) {}

  @Post('meetings/:meetingId/feedback')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'A party says how the meeting went (first stage) or whether an agreement was reached (second); the meeting’s attendance and outcome follow',
  })
  answer(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
    @Body() dto: FeedbackDto,
  ): Promise<MeetingDto> {
    return this.feedback.answerAs(user, meetingId, dto.stage, dto.answer);
  }

  /**
   * The page a choice of the feedback mail opens: it asks to confirm rather than record at once, as
   * mail scanners open every link of a message (each would otherwise overwrite the last answer).
   */
  @Public()
  @Get('feedback')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The page of a feedback link: the answer chosen, to confirm' })
  async page(@Query() query: Record<string, unknown>): Promise<string> {
    const asked = await this.asked(query);
    const answer = this.chosen(asked.stage, query.answer);
    const t = PAGE[asked.lang];
    const labels = FEEDBACK_LABELS[asked.lang];
    const current = (await this.feedback.answersOf(asked.link.meeting, asked.link.party))[
      asked.stage
    ];
    const button = (a: FeedbackAnswer, text: string) =>
      `<form method="post" action="${escapeHtml(this.postUrl(asked.link, a))}"><button type="submit">${escapeHtml(text)}</button></form>`;
    return page(asked, [
      `<h1>${escapeHtml(fill(t[asked.stage], { partner: partnerName(asked.meeting) }))}</h1>`,
      current ? `<p>${escapeHtml(fill(t.current, { answer: labels[current] }))}</p>` : '',
      button(answer, fill(t.confirm, { answer: labels[answer] })),
      `<p>${escapeHtml(t.others)}</p>`,
      ...FEEDBACK_ANSWERS[asked.stage].filter((a) => a !== answer).map((a) => button(a, labels[a])),
    ]);
  }

  @Public()
  @Post('feedback')
  @HttpCode(200)
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'Records the answer of a feedback link' })
  async record(@Query() query: Record<string, unknown>): Promise<string> {
    const asked = await this.asked(query);
    const answer = this.chosen(asked.stage, query.answer);
    await this.feedback.answer(
      asked.link.meeting,
      asked.link.party,
      asked.link.user,
      asked.stage,
      answer,
    );
    const t = PAGE[asked.lang];
    const declareUrl = `${this.env.PUBLIC_URL.replace(/\/$/, '')}/agenda?declare=${encodeURIComponent(asked.link.meeting)}`;
    return page(asked, [
      `<p>${escapeHtml(fill(t.thanks, { answer: FEEDBACK_LABELS[asked.lang][answer] }))}</p>`,
      answer === 'cooperation_possible' && this.env.FEEDBACK_FOLLOW_UP_DAYS > 0
        ? `<p>${escapeHtml(t.later)}</p>`
        : '',
      answer === 'agreement_reached'
        ? `<p>${escapeHtml(t.declare)}</p><p><a href="${escapeHtml(declareUrl)}">${escapeHtml(t.declareLink)}</a></p>`
        : '',
    ]);
  }

  /** Who the link is for, checked: its signature, and that the account still answers for the side. */
  private async asked(query: Record<string, unknown>): Promise<Asked> {
    const { sig } = query;
    const link = {
      meeting: query.meeting,
      party: query.party,
      user: query.user,
      stage: query.stage,
    } as FeedbackLink;
    const strings = Object.values(link).every((v) => typeof v === 'string');
    if (
      !strings ||
      !(FEEDBACK_STAGES as readonly string[]).includes(link.stage) ||
      !validFeedbackLink(this.env.JWT_SECRET, link, sig)
    ) {
      throw badRequest('mail/bad_link', 'This link is not valid (it may have been cut)');
    }
    const manager = this.dataSource.manager;
    const account = await manager.findOneBy(User, { id: link.user });
    const side = await manager.findOneBy(Participant, { id: link.party });
    const me = account
      ? await manager.findOneBy(Participant, {
          userId: account.id,
          editionId: side?.editionId ?? '',
        })
      : null;
    // A member who left the stand, or a removed account, no longer answers for it.
    const stillFor =
      !!me &&
      !!side &&
      (me.id === side.id || (!!me.exhibitorId && me.exhibitorId === side.exhibitorId));
    const meeting = stillFor ? await manager.findOneBy(Meeting, { id: link.meeting }) : null;
    const ofSide = meeting && [meeting.requesterId, meeting.inviteeId].includes(link.party);
    if (!account || !side || !meeting || !ofSide)
      throw badRequest('mail/bad_link', 'This link is not valid any more');
    const edition = await manager.findOneByOrFail(Edition, { id: side.editionId });
    return {
      link,
      stage: link.stage as FeedbackStage,
      lang: account.language === 'en' ? 'en' : 'fr',
      edition,
      meeting: forViewer((await this.views.toDtos([meeting], null))[0], side.id),
    };
  }

  private chosen(stage: FeedbackStage, answer: unknown): FeedbackAnswer {
    const answers: readonly string[] = FEEDBACK_ANSWERS[stage];
    if (typeof answer !== 'string' || !answers.includes(answer)) {
      throw badRequest('feedback/bad_answer', `answer must be one of: ${answers.join(', ')}`);
    }
    return answer as FeedbackAnswer;
  }

  /** The same link, posting `answer`: the form of the page. */
  private postUrl(link: FeedbackLink, answer: FeedbackAnswer): string {
    const url = new URL(feedbackUrl(this.env.PUBLIC_URL, this.env.JWT_SECRET, link, answer));
    return `${url.pathname}${url.search}`;
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function page(asked: Asked, parts: string[]): string {
  return [
    `<!doctype html><html lang="${asked.lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(asked.edition.name)} — Coventis</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">',
    `<p>${escapeHtml(asked.edition.name)}</p>`,
    ...parts.filter(Boolean),
    '</body></html>',
  ].join('\n');
}
