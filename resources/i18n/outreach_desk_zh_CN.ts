<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AreaDialog</name>
    <message>
        <source>Edit area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>administrative code, optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreaTreeTab</name>
    <message>
        <source>No jurisdiction yet. Import the list of counties, townships and communities you are responsible for, add them one by one, or open the demo database to look around first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import jurisdiction list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add county</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officers assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residents on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach talks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire {name}? It leaves the lists, but its history stays and it can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore area</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partners</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>database file (default: OUTREACH_DESK_DB or the data folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language of the program and its messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach Desk: anti-fraud outreach talks and warning dissuasion. Without a command the program window opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the demo database (made on first use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill an empty database with demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replace the records of a database that is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import a list from .xlsx or .csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all or nothing: any bad row stops the import (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import the good rows and report the bad ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the database file for damage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a view of the program as a PNG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data written to {path}: {areas} areas, {officers} officers, {talks} talks, {warnings} warnings, {contacts} contact attempts ({seconds:.1f} s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row {row}, column {column}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns ignored (not stored): {columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {bad} of {rows} rows have problems. Correct them, or run again with --skip-bad-rows to import the {good} good rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no rows to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {good} of {rows} rows: {created} records created, {updated} updated, {bad} bad rows skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is sound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database {path} is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the picture to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside the program. Your saved records are safe. Please send the details below to whoever maintains the program.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The disk is full; nothing was saved. ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is in use by another program; try again. ({path})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is damaged or is not a database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the database file {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not an Outreach Desk database (not SQLite).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Outreach Desk (schema {found}, this program knows up to {known}). Update the program; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder for {path}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open {path} for writing; choose a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file is neither UTF-8 nor GBK text. Save it from Excel as “CSV UTF-8” or as .xlsx and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old Excel files (.xls) cannot be read. Open it in Excel or WPS and save it as .xlsx.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only .xlsx and .csv files can be imported, not {suffix}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a readable Excel file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No header row found in the first {rows} rows. The file needs at least these columns: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import the jurisdiction list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per community or village, with the county and township it belongs to. Title rows above the header are skipped. Columns: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the officer list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per officer, auxiliary officer or grid worker; an officer whose badge number is already known is updated. Columns: {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Skip bad rows and import %n row(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {good} of {rows} rows: {created} created, {updated} updated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) were skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{bad} of {rows} rows have problems (listed below). Nothing has been imported yet: correct the file, or skip the bad rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {rows} rows are valid and ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file holds no rows to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns ignored (not stored): {columns}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>County / district</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Township / subdistrict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Community / village</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auxiliary officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank outlet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Outreach Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas &amp; people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{areas} areas · {officers} officers · {residents} residents · {warnings} warnings · {talks} talks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outreach Desk database (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open demo database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the demo database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;{name} {version}&lt;/h3&gt;&lt;p&gt;Anti-fraud outreach talks and warning dissuasion, offline on one laptop.&lt;/p&gt;&lt;p&gt;Data folder: {data}&lt;/p&gt;&lt;p&gt;Database: {db}&lt;/p&gt;&lt;p&gt;Chinese font: WenQuanYi Micro Hei, Apache License 2.0 ({licence}).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Outreach Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Edit officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 金城江派出所</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Edit partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New partner</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>{field}: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordTableTab</name>
    <message>
        <source>Filter by name, number, unit or area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Retire {name}? It leaves the lists, but its history stays and it can be restored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 河池市公安局金城江分局金城江派出所</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer using this laptop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name (printed on documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station phone (printed on documents)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The officer&apos;s name is written in the audit log with every change made on this laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station phone: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The ID number is missing. Enter the person&apos;s 18-character resident ID number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number “{value}” was turned into a number by Excel and its last digits are lost. In Excel, format the ID number column as Text, type the ID numbers in again from the original list, and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is an old 15-digit ID number. Enter the person&apos;s current 18-character ID number as printed on the ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” has {length} characters, but a resident ID number has 18 (17 digits, then a digit or X). Compare it with the ID card and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” contains characters that cannot be in a resident ID number, which is 17 digits followed by a digit or X. Compare it with the ID card and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number “{value}” fails the check-digit test, so at least one character is wrong. Compare it with the ID card and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ID number “{value}” contains the birth date {birth}, which is not possible. Compare it with the ID card and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The phone number is missing. Enter an 11-digit mobile number or a landline number with its area code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a phone number that can be used. Enter an 11-digit mobile number (such as 13812345678) or a landline number with its area code (such as 0778-2281234).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mobile number “{value}” has {count} digits, but a mobile number has 11. Check the number and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is a service or hotline number, not a person&apos;s own phone. Enter the person&apos;s mobile number or home landline number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The landline number “{value}” has no area code. Enter it with the area code in front, such as 0778-2281234.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is a landline number, but a mobile number is needed here. Enter the person&apos;s 11-digit mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount is missing. Enter the amount in yuan, such as 52000 or 5.2万.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money that can be read. Enter the amount in yuan using digits, such as 52000, 52000.50 or 5.2万.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount “{value}” is negative. Enter the amount as a positive number of yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount “{value}” has more than two decimal places of yuan, which is less than one fen. Round it to the fen and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount “{value}” is more than one trillion yuan, which cannot be right. Check the figure and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount “{value}” is not an exact figure. Check the case record and enter the exact amount in yuan using digits, such as 52000 or 5.2万.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date is missing. Enter a date such as 2026-01-05 or 2026年1月5日.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a date that can be read. Enter it as year, month, day, such as 2026-01-05 or 2026年1月5日.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” is not a real calendar date. Check the month and the day and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date “{value}” is outside the years 1900 to 2100. Check the year and re-enter it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{value}” has a time of day that does not exist. Enter the time from 00:00 to 23:59, such as 2026-01-05 14:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The county (district) is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A community needs its township in the same row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long (at most 60 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The area code {value} must be digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No area called {value}; add it to the tree first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More than one area is called {value}; assign it in the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role {value}: write 民警, 辅警 or 网格员.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge number {value} appears again (first in row {row}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown area level: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A county cannot sit inside another area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A township belongs to a county, a community to a township.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} already exists at this place in the tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire the areas under this one first; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role {value}: use officer, auxiliary or grid worker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The badge number {value} may hold only letters and digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another officer already has badge number {value}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown kind of partner: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an area from the list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
