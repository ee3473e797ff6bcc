package dev.prescreen.domain.session;

import dev.prescreen.domain.interview.Answer;
import dev.prescreen.domain.plan.Answering;

/** Where an answer stands in its takes: the one being recorded now and how many the plan allows. */
public record TakeView(String answerId, int take, int takesAllowed) {

    static TakeView of(Answer answer, Answering answering) {
        return new TakeView(answer.answerId(), answer.takes(), answering.takesPerQuestion());
    }
}
