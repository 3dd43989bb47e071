<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConflictsDialog</name>
    <message numerus="yes">
        <source>%n conflict(s) to decide.</source>
        <translation>
            <numerusform>%n conflict to decide.</numerusform>
            <numerusform>%n conflicts to decide.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n pair(s) may be one person. Merging keeps every warning of both and the record entered first.</source>
        <translation>
            <numerusform>%n pair may be one person. Merging keeps every warning of both and the record entered first.</numerusform>
            <numerusform>%n pairs may be one person each. Merging keeps every warning of both and the record entered first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message numerus="yes">
        <source>Wrote %n record(s) to {path}.</source>
        <translation>
            <numerusform>Wrote %n record to {path}.</numerusform>
            <numerusform>Wrote %n records to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) were missing and are not in it.</source>
        <translation>
            <numerusform>%n photo file was missing and is not in it.</numerusform>
            <numerusform>%n photo files were missing and are not in it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Skip bad rows and import %n row(s)</source>
        <translation>
            <numerusform>Skip bad rows and import %n row</numerusform>
            <numerusform>Skip bad rows and import %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were already on record and are left as they are.</source>
        <translation>
            <numerusform>%n row was already on record and is left as it is.</numerusform>
            <numerusform>%n rows were already on record and are left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) were skipped.</source>
        <translation>
            <numerusform>%n bad row was skipped.</numerusform>
            <numerusform>%n bad rows were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message numerus="yes">
        <source>{name} · {mobile} · %n warning(s) · {reason}</source>
        <translation>
            <numerusform>{name} · {mobile} · %n warning · {reason}</numerusform>
            <numerusform>{name} · {mobile} · %n warnings · {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LaptopsDialog</name>
    <message numerus="yes">
        <source>%n resident(s) whose data this laptop held.</source>
        <translation>
            <numerusform>%n resident whose data this laptop held.</numerusform>
            <numerusform>%n residents whose data this laptop held.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergePackageDialog</name>
    <message numerus="yes">
        <source>%n record(s) already the same here</source>
        <translation>
            <numerusform>%n record already the same here</numerusform>
            <numerusform>%n records already the same here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) were changed on both sides since the last exchange. The later change is kept; the other value is listed under Exchange › Conflicts for a person to decide.</source>
        <translation>
            <numerusform>%n field was changed on both sides since the last exchange. The later change is kept; the other value is listed under Exchange › Conflicts for a person to decide.</numerusform>
            <numerusform>%n fields were changed on both sides since the last exchange. The later change is kept; the other value is listed under Exchange › Conflicts for a person to decide.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTableTab</name>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>%n record shown</numerusform>
            <numerusform>%n records shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <source>Residents (%n)</source>
        <translation>
            <numerusform>Residents (%n)</numerusform>
            <numerusform>Residents (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Warnings (%n)</numerusform>
            <numerusform>Warnings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Talks (%n)</source>
        <translation>
            <numerusform>Talks (%n)</numerusform>
            <numerusform>Talks (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Persons abroad (%n)</source>
        <translation>
            <numerusform>Persons abroad (%n)</numerusform>
            <numerusform>Persons abroad (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Card sellers (%n)</source>
        <translation>
            <numerusform>Card sellers (%n)</numerusform>
            <numerusform>Card sellers (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Communities (%n)</source>
        <translation>
            <numerusform>Communities (%n)</numerusform>
            <numerusform>Communities (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n household</numerusform>
            <numerusform>%n households</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Personal data of %n resident(s) cleared.</source>
        <translation>
            <numerusform>Personal data of %n resident cleared.</numerusform>
            <numerusform>Personal data of %n residents cleared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TalksPage</name>
    <message numerus="yes">
        <source>%n talk(s) in this period</source>
        <translation>
            <numerusform>%n talk in this period</numerusform>
            <numerusform>%n talks in this period</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message numerus="yes">
        <source>%n day(s) in a row with no warned resident defrauded</source>
        <translation>
            <numerusform>%n day in a row with no warned resident defrauded</numerusform>
            <numerusform>%n days in a row with no warned resident defrauded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Zero-loss streak: %n day(s)</source>
        <translation>
            <numerusform>Zero-loss streak: %n day</numerusform>
            <numerusform>Zero-loss streak: %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
