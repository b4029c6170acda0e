package org.sibao.subject;

/** 规上, 专精特新, 万人助万企包联, 关系民生/城市运行保障. */
public enum SubjectFlag {
    ABOVE_SCALE, SPECIALIZED, LIAISON, LIVELIHOOD
}
