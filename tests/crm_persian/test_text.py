import pytest

ZWNJ = "\u200c"


@pytest.fixture(scope="module")
def text(addon_tool):
    return addon_tool("crm_persian", "text")


def test_arabic_yeh_and_kaf_become_persian(text):
    assert text.normalize("علي") == "علی"
    assert text.normalize("كاظمي") == "کاظمی"
    assert text.normalize("مصطفى") == "مصطفی"


def test_save_keeps_real_spellings(text):
    # آ is a letter of its own, ة and ۀ are legitimate spellings: not changed on save
    assert text.normalize("آرش") == "آرش"
    assert text.normalize("دایرةالمعارف") == "دایرةالمعارف"
    assert text.normalize("خانۀ دوست") == "خانۀ دوست"


def test_spaces_tatweel_and_zwnj_cleanup(text):
    assert text.normalize("  شرکت\u00a0\u00a0  نوآوران\tپارس ") == "شرکت نوآوران پارس"
    assert text.normalize("تهـــران") == "تهران"
    assert text.normalize(f"می{ZWNJ}{ZWNJ}خواهم") == f"می{ZWNJ}خواهم"
    assert text.normalize(f"علی {ZWNJ}رضا{ZWNJ}") == "علی رضا"
    assert text.normalize("a\u200bb") == "ab"


def test_arabic_digits_become_persian_on_save(text):
    assert text.normalize("شعبه ٣") == "شعبه ۳"
    assert text.normalize("شعبه 3") == "شعبه 3"


def test_normalize_is_idempotent_and_tolerates_empty(text):
    for sample in ("علي  كريمي", f"می{ZWNJ}خواهم", "Ali Karimi"):
        once = text.normalize(sample)
        assert text.normalize(once) == once
        assert text.is_normalized(once)
    assert text.normalize("") == ""
    assert text.normalize(False) is False
    assert not text.is_normalized("علي")


def test_search_key_folds_variants_both_ways(text):
    assert text.search_key("علي") == text.search_key("علی") == "علی"
    assert text.search_key("آرش") == text.search_key("ارش")
    assert text.search_key("فاطمة") == text.search_key("فاطمه")
    assert text.search_key("مؤسسه") == text.search_key("موسسه")
    assert text.search_key("إبراهيم") == text.search_key("ابراهیم")
    assert text.search_key(f"علی{ZWNJ}رضا") == text.search_key("علیرضا")
    assert text.search_key("مُحَمَّد") == "محمد"
    assert text.search_key("پلاک ۱۲ و ٣") == "پلاک 12 و 3"
    assert text.search_key("خانۀ") == "خانه"


def test_search_key_keeps_wildcards_and_case(text):
    assert text.search_key("%علي%") == "%علی%"
    assert text.search_key("a_b") == "a_b"
    assert text.search_key("Ali") == "Ali"
    assert text.search_key("") is False
    assert text.search_key("  \u200c ") is False


def test_sql_parts_describe_the_same_translation(text):
    source, target = text.search_key_sql_parts()
    assert len(source) > len(target)
    mapping = dict(zip(source, target, strict=False))
    deleted = source[len(target) :]
    sample = "عليرضا كريمي\u200c\u0640 آقاي ۱۲ ٣"
    simulated = "".join(mapping.get(ch, "" if ch in deleted else ch) for ch in sample)
    while "  " in simulated:
        simulated = simulated.replace("  ", " ")
    assert simulated.strip(" ") == text.search_key(sample)
