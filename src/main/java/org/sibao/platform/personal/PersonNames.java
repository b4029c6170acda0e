package org.sibao.platform.personal;

import java.util.Set;

/**
 * Names shown to people who need to recognise a person but not learn their name: the surname is kept, each
 * further character becomes {@code *} ({@code 张三 → 张*}, {@code 欧阳娜娜 → 欧阳**}). A compound surname (复姓) is
 * kept whole when a given name follows it; any other name keeps its first character ({@code 阿依古丽 → 阿***}).
 */
public final class PersonNames {

    /** The compound surnames of the 百家姓 still in use. */
    private static final Set<String> COMPOUND = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
            "慕容", "长孙", "宇文", "司徒", "司空", "夏侯", "轩辕", "令狐", "钟离", "端木", "独孤", "南宫", "西门", "百里",
            "呼延", "赫连", "澹台", "公冶", "宗政", "濮阳", "太叔", "申屠", "闻人", "万俟", "拓跋", "第五", "左丘", "东郭",
            "单于", "公羊", "淳于", "仲孙", "漆雕", "乐正", "壤驷", "公良", "谷梁", "羊舌", "微生", "梁丘", "鲜于", "闾丘");

    private PersonNames() {
    }

    /** The masked name; null or blank answers {@code *}. */
    public static String mask(String name) {
        String n = name == null ? "" : name.strip();
        int length = n.codePointCount(0, n.length());
        if (length < 2) {
            return "*";
        }
        int kept = length > 2 && COMPOUND.contains(n.substring(0, Math.min(2, n.length()))) ? 2 : 1;
        int end = n.offsetByCodePoints(0, kept);
        return n.substring(0, end) + "*".repeat(length - kept);
    }
}
