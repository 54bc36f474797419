"""Invented but plausible data for the demo: names with matching kana and romaji, and
consultation desks across the country.

Romaji is passport Hepburn (long vowels not written: 佐藤 サトウ SATO, 翔太 ショウタ Shota),
family name first in capitals as official documents now write it (YAMADA Taro). The kanji,
kana and romaji of each entry are kept together so the three always agree.
"""

from __future__ import annotations

# (kanji, katakana, romaji)
FAMILY_NAMES: tuple[tuple[str, str, str], ...] = (
    ("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"),
    ("田中", "タナカ", "Tanaka"), ("伊藤", "イトウ", "Ito"), ("渡辺", "ワタナベ", "Watanabe"),
    ("山本", "ヤマモト", "Yamamoto"), ("中村", "ナカムラ", "Nakamura"),
    ("小林", "コバヤシ", "Kobayashi"), ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"),
    ("山田", "ヤマダ", "Yamada"), ("佐々木", "ササキ", "Sasaki"), ("山口", "ヤマグチ", "Yamaguchi"),
    ("松本", "マツモト", "Matsumoto"), ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"),
    ("林", "ハヤシ", "Hayashi"), ("斎藤", "サイトウ", "Saito"), ("清水", "シミズ", "Shimizu"),
    ("山崎", "ヤマザキ", "Yamazaki"), ("森", "モリ", "Mori"), ("池田", "イケダ", "Ikeda"),
    ("橋本", "ハシモト", "Hashimoto"), ("阿部", "アベ", "Abe"), ("石川", "イシカワ", "Ishikawa"),
    ("山下", "ヤマシタ", "Yamashita"), ("中島", "ナカジマ", "Nakajima"), ("石井", "イシイ", "Ishii"),
    ("小川", "オガワ", "Ogawa"), ("前田", "マエダ", "Maeda"), ("岡田", "オカダ", "Okada"),
    ("長谷川", "ハセガワ", "Hasegawa"), ("藤田", "フジタ", "Fujita"), ("後藤", "ゴトウ", "Goto"),
    ("近藤", "コンドウ", "Kondo"), ("村上", "ムラカミ", "Murakami"), ("遠藤", "エンドウ", "Endo"),
    ("青木", "アオキ", "Aoki"), ("坂本", "サカモト", "Sakamoto"), ("福田", "フクダ", "Fukuda"),
    ("太田", "オオタ", "Ota"), ("西村", "ニシムラ", "Nishimura"), ("藤井", "フジイ", "Fujii"),
    ("金子", "カネコ", "Kaneko"), ("岡本", "オカモト", "Okamoto"), ("藤原", "フジワラ", "Fujiwara"),
    ("中野", "ナカノ", "Nakano"), ("三浦", "ミウラ", "Miura"), ("原田", "ハラダ", "Harada"),
    ("中川", "ナカガワ", "Nakagawa"), ("松田", "マツダ", "Matsuda"), ("竹内", "タケウチ", "Takeuchi"),
    ("小野", "オノ", "Ono"), ("田村", "タムラ", "Tamura"), ("中山", "ナカヤマ", "Nakayama"),
    ("和田", "ワダ", "Wada"), ("石田", "イシダ", "Ishida"), ("森田", "モリタ", "Morita"),
    ("上田", "ウエダ", "Ueda"), ("原", "ハラ", "Hara"), ("柴田", "シバタ", "Shibata"),
    ("酒井", "サカイ", "Sakai"), ("工藤", "クドウ", "Kudo"), ("横山", "ヨコヤマ", "Yokoyama"),
    ("宮崎", "ミヤザキ", "Miyazaki"), ("宮本", "ミヤモト", "Miyamoto"), ("内田", "ウチダ", "Uchida"),
    ("高木", "タカギ", "Takagi"), ("安藤", "アンドウ", "Ando"), ("谷口", "タニグチ", "Taniguchi"),
    ("大塚", "オオツカ", "Otsuka"), ("丸山", "マルヤマ", "Maruyama"), ("今井", "イマイ", "Imai"),
    ("高田", "タカダ", "Takada"), ("藤本", "フジモト", "Fujimoto"), ("武田", "タケダ", "Takeda"),
    ("村田", "ムラタ", "Murata"), ("上野", "ウエノ", "Ueno"), ("杉山", "スギヤマ", "Sugiyama"),
    ("増田", "マスダ", "Masuda"), ("平野", "ヒラノ", "Hirano"), ("菅原", "スガワラ", "Sugawara"),
    ("久保", "クボ", "Kubo"), ("千葉", "チバ", "Chiba"), ("松井", "マツイ", "Matsui"),
    ("岩崎", "イワサキ", "Iwasaki"), ("桜井", "サクライ", "Sakurai"), ("野口", "ノグチ", "Noguchi"),
)

GIVEN_NAMES: tuple[tuple[str, str, str], ...] = (
    ("翔太", "ショウタ", "Shota"), ("大輔", "ダイスケ", "Daisuke"), ("健太", "ケンタ", "Kenta"),
    ("拓也", "タクヤ", "Takuya"), ("直樹", "ナオキ", "Naoki"), ("和也", "カズヤ", "Kazuya"),
    ("達也", "タツヤ", "Tatsuya"), ("誠", "マコト", "Makoto"), ("浩二", "コウジ", "Koji"),
    ("隆", "タカシ", "Takashi"), ("健一", "ケンイチ", "Kenichi"), ("裕太", "ユウタ", "Yuta"),
    ("亮", "リョウ", "Ryo"), ("悠斗", "ユウト", "Yuto"), ("蓮", "レン", "Ren"),
    ("大樹", "ダイキ", "Daiki"), ("雄一", "ユウイチ", "Yuichi"), ("修", "オサム", "Osamu"),
    ("聡", "サトシ", "Satoshi"), ("剛", "ツヨシ", "Tsuyoshi"), ("博之", "ヒロユキ", "Hiroyuki"),
    ("洋平", "ヨウヘイ", "Yohei"), ("昌平", "ショウヘイ", "Shohei"), ("康介", "コウスケ", "Kosuke"),
    ("智也", "トモヤ", "Tomoya"), ("信也", "シンヤ", "Shinya"), ("陽介", "ヨウスケ", "Yosuke"),
    ("正人", "マサト", "Masato"), ("俊介", "シュンスケ", "Shunsuke"), ("一郎", "イチロウ", "Ichiro"),
    ("秀樹", "ヒデキ", "Hideki"), ("淳", "ジュン", "Jun"), ("学", "マナブ", "Manabu"),
    ("哲也", "テツヤ", "Tetsuya"), ("光太郎", "コウタロウ", "Kotaro"), ("勇気", "ユウキ", "Yuki"),
    ("航", "ワタル", "Wataru"), ("悟", "サトル", "Satoru"), ("浩", "ヒロシ", "Hiroshi"),
    ("美咲", "ミサキ", "Misaki"), ("陽子", "ヨウコ", "Yoko"), ("恵子", "ケイコ", "Keiko"),
    ("由美", "ユミ", "Yumi"), ("真由美", "マユミ", "Mayumi"), ("裕子", "ユウコ", "Yuko"),
    ("直美", "ナオミ", "Naomi"), ("久美子", "クミコ", "Kumiko"), ("智子", "トモコ", "Tomoko"),
    ("明美", "アケミ", "Akemi"), ("さくら", "サクラ", "Sakura"), ("愛", "アイ", "Ai"),
    ("彩", "アヤ", "Aya"), ("舞", "マイ", "Mai"), ("麻美", "アサミ", "Asami"),
    ("優花", "ユウカ", "Yuka"), ("美穂", "ミホ", "Miho"), ("香織", "カオリ", "Kaori"),
    ("千尋", "チヒロ", "Chihiro"), ("奈々", "ナナ", "Nana"), ("亜希子", "アキコ", "Akiko"),
    ("理恵", "リエ", "Rie"), ("沙織", "サオリ", "Saori"), ("真理子", "マリコ", "Mariko"),
    ("絵美", "エミ", "Emi"), ("由紀", "ユキ", "Yuki"), ("綾香", "アヤカ", "Ayaka"),
    ("早紀", "サキ", "Saki"), ("紀子", "ノリコ", "Noriko"), ("幸子", "サチコ", "Sachiko"),
    ("美香", "ミカ", "Mika"), ("純子", "ジュンコ", "Junko"), ("陽菜", "ヒナ", "Hina"),
    ("結衣", "ユイ", "Yui"), ("葵", "アオイ", "Aoi"), ("遥", "ハルカ", "Haruka"),
    ("恵理", "エリ", "Eri"), ("瞳", "ヒトミ", "Hitomi"), ("玲奈", "レイナ", "Reina"),
    ("晴美", "ハルミ", "Harumi"), ("加奈子", "カナコ", "Kanako"),
)

# Nationality does not matter for the scheme; desks employ foreign-born consultants too.
# Their names are written in katakana in both name fields, romaji as in the passport.
FOREIGN_NAMES: tuple[tuple[str, str, str, str, str], ...] = (
    # family, given, family kana, given kana, romaji
    ("グエン", "ティ ホア", "グエン", "ティ ホア", "NGUYEN Thi Hoa"),
    ("サントス", "マリア", "サントス", "マリア", "SANTOS Maria"),
    ("李", "明華", "リ", "メイカ", "LI Minghua"),
)

# (desk name, prefecture, mail subdomain)
ORGANISATIONS: tuple[tuple[str, str, str], ...] = (
    ("北海道外国人相談センター", "北海道", "hokkaido-soudan"),
    ("宮城県外国人相談センター", "宮城県", "miyagi-soudan"),
    ("群馬県外国人総合相談ワンストップセンター", "群馬県", "gunma-onestop"),
    ("さいたま市国際交流協会 多文化共生相談窓口", "埼玉県", "saitama-ia"),
    ("千葉県外国人総合相談センター", "千葉県", "chiba-soudan"),
    ("東京都外国人総合相談センター", "東京都", "tokyo-soudan"),
    ("新宿区国際交流協会 多文化共生相談窓口", "東京都", "shinjuku-ia"),
    ("川崎市国際交流協会 多文化共生相談窓口", "神奈川県", "kawasaki-ia"),
    ("長野県外国人総合相談センター", "長野県", "nagano-soudan"),
    ("岐阜県外国人総合相談センター", "岐阜県", "gifu-soudan"),
    ("浜松市国際交流協会 多文化共生相談窓口", "静岡県", "hamamatsu-ia"),
    ("名古屋市国際交流協会 多文化共生相談窓口", "愛知県", "nagoya-ia"),
    ("大阪府外国人総合相談センター", "大阪府", "osaka-soudan"),
    ("神戸市国際交流協会 多文化共生相談窓口", "兵庫県", "kobe-ia"),
    ("広島県外国人総合相談センター", "広島県", "hiroshima-soudan"),
    ("福岡市国際交流協会 多文化共生相談窓口", "福岡県", "fukuoka-ia"),
    ("熊本県外国人総合相談センター", "熊本県", "kumamoto-soudan"),
    ("沖縄県外国人総合相談センター", "沖縄県", "okinawa-soudan"),
)
