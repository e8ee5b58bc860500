package io.jlns.config.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.jlns.config.grammar.Command.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatcherTest {
  private final Mode<Object> mode = new Mode<>("test", "#", null, false, Map.of());

  MatcherTest() {
    Command.Action<Object> nop = (c, a) -> Outcome.STAY;
    mode.add("configure [terminal]", nop, "configure", "Enter configuration mode");
    mode.add("show crypto ipsec sa [peer A.B.C.D:ip|detail]", nop);
    mode.add("show crypto isakmp sa", nop);
    mode.add("show crypto map [tag WORD:tagname]", nop);
    mode.add("show clock", nop);
    mode.add("crypto isakmp policy <1-10000>:prio", nop, "prio", "Priority of protection suite");
    mode.add("username WORD:name [privilege <0-15>:priv] (password|secret):kind [<0-9>:type] LINE:pw", nop);
    mode.add("set transform-set WORD:ts [WORD:ts] [WORD:ts]", nop);
  }

  @Test
  void uniquePrefixesAbbreviateKeywords() {
    ParseResult<Object> r = Matcher.match(mode, "conf t");
    assertThat(r.ok()).isTrue();
    assertThat(r.args().has("terminal")).isTrue();
    assertThat(Matcher.match(mode, "sh cry ipsec sa").ok()).isTrue();
    assertThat(Matcher.match(mode, "sh cry ips sa pe 10.1.1.1").args().get("ip")).isEqualTo("10.1.1.1");
  }

  @Test
  void aPrefixOfTwoKeywordsIsAmbiguous() {
    ParseResult<Object> r = Matcher.match(mode, "show crypto i");
    assertThat(r.ok()).isFalse();
    assertThat(r.error()).isEqualTo(ParseResult.Kind.AMBIGUOUS);
    assertThat(r.message()).isEqualTo("% Ambiguous command:  \"show crypto i\"");
  }

  @Test
  void aLineThatStopsEarlyIsIncomplete() {
    ParseResult<Object> r = Matcher.match(mode, "crypto isakmp policy");
    assertThat(r.error()).isEqualTo(ParseResult.Kind.INCOMPLETE);
    assertThat(r.message()).isEqualTo("% Incomplete command.");
  }

  @Test
  void invalidInputPointsAtTheWordThatFailed() {
    ParseResult<Object> r = Matcher.match(mode, "crypto isakmp polcy 1");
    assertThat(r.error()).isEqualTo(ParseResult.Kind.INVALID);
    assertThat(r.column()).isEqualTo(14);
    assertThat(r.render("")).isEqualTo("crypto isakmp polcy 1\n              ^\n% Invalid input detected at '^' marker.");
  }

  @Test
  void numbersOutsideTheRangeAreInvalid() {
    assertThat(Matcher.match(mode, "crypto isakmp policy 10001").column()).isEqualTo(21);
    assertThat(Matcher.match(mode, "crypto isakmp policy 0").ok()).isFalse();
    assertThat(Matcher.match(mode, "crypto isakmp policy 10000").args().integer("prio")).isEqualTo(10000);
  }

  @Test
  void lineTakesTheRestVerbatimAndTheMostSpecificReadingWins() {
    ParseResult<Object> typed = Matcher.match(mode, "username bob password 0 two  words");
    assertThat(typed.args().get("type")).isEqualTo("0");
    assertThat(typed.args().get("pw")).isEqualTo("two  words");
    ParseResult<Object> plain = Matcher.match(mode, "username bob privilege 15 secret s3cret");
    assertThat(plain.args().has("type")).isFalse();
    assertThat(plain.args().get("pw")).isEqualTo("s3cret");
    assertThat(plain.args().integer("priv")).isEqualTo(15);
  }

  @Test
  void repeatedTokensBindInOrder() {
    assertThat(Matcher.match(mode, "set transform-set A B C").args().all("ts")).containsExactly("A", "B", "C");
    assertThat(Matcher.match(mode, "set transform-set A B C D").ok()).isFalse();
  }

  @Test
  void helpListsWhatMayComeNextWithCrWhereTheLineMayEnd() {
    assertThat(Matcher.help(mode, "show crypto ipsec sa ")).extracting(Matcher.HelpEntry::token)
        .containsExactly("detail", "peer", "<cr>");
    assertThat(Matcher.help(mode, "crypto isakmp policy ")).containsExactly(
        new Matcher.HelpEntry("<1-10000>", "Priority of protection suite"));
    assertThat(Matcher.help(mode, "conf")).containsExactly(new Matcher.HelpEntry("configure", "Enter configuration mode"));
  }

  @Test
  void completionOffersTheKeywordsAPrefixCanBecome() {
    assertThat(Matcher.complete(mode, "show crypto i")).containsExactly("ipsec", "isakmp");
    assertThat(Matcher.complete(mode, "show c")).containsExactly("clock", "crypto");
  }

  @Test
  void aValueNamedLikeAKeywordIsRejectedWhenDeclared() {
    Mode<Object> m = new Mode<>("t", "#", null, false, Map.of());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.add("crypto map WORD:map", (c, a) -> Outcome.STAY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
