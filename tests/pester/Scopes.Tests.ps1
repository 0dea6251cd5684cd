# Picking scopes: Get-ComposioToolkitScope, its pipe into New-ComposioAuthConfig -Scope, and the
# scope checks of New- and Set-ComposioAuthConfig, asserted on the emulator's request log.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    $G = 'https://www.googleapis.com/auth/'
    function Get-Recommend { @(Get-ApiRequest $emulator | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/scopes/recommended' }) }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Get-ComposioToolkitScope without -Tool' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'shows the scheme''s available, default and required scopes as a typed object' {
        $scopes = Get-ComposioToolkitScope -Toolkit gmail
        $scopes.GetType().FullName | Should -Be 'Composio.ToolkitScopes'
        $scopes.AuthScheme | Should -Be 'OAUTH2'
        $scopes.DefaultScopes | Should -Be @("${G}gmail.modify", "${G}userinfo.profile")
        $scopes.AvailableScopes | Should -Contain "${G}gmail.send"
        $scopes.RequiredScopes | Should -Be @("${G}userinfo.profile")
        $scopes.Scope | Should -Be $scopes.DefaultScopes
        ($scopes | Out-String) | Should -Match 'RequiredScopes\s*:\s*https://www.googleapis.com/auth/userinfo.profile'
    }

    It 'reads the toolkit from the cache: no request the second time, and none to the scope endpoints' {
        Get-ComposioToolkitScope github | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        Get-ComposioToolkitScope github | Out-Null
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }

    It 'takes slugs and auth configs from the pipeline (an auth config binds its scheme too)' {
        ('gmail', 'slack' | Get-ComposioToolkitScope).Toolkit | Should -Be @('gmail', 'slack')
        $id = New-CustomConfig $emulator outlook 'outlook app'
        (Get-ComposioAuthConfig -Id $id | Get-ComposioToolkitScope).RequiredScopes | Should -Be @('offline_access', 'User.Read')
    }

    It 'chooses -AuthScheme, and refuses one the toolkit lacks' {
        (Get-ComposioToolkitScope linear -AuthScheme CIMD_OAUTH).DefaultScopes | Should -Be @('read', 'write')
        Get-ComposioToolkitScope linear -AuthScheme SAML -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthSchemeNotSupported,*'
    }
}

Describe 'Get-ComposioToolkitScope -Tool / -Recommended' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'asks the recommendation endpoint with the tools only, and returns both sets and the conditional scopes' {
        Get-ComposioToolkitScope gmail | Out-Null   # the toolkit cached, so only the recommendation is left
        Clear-ComposioEmulatorRequest $emulator
        $answer = Get-ComposioToolkitScope -Toolkit gmail -Tool GMAIL_SEND_EMAIL, GMAIL_FETCH_EMAILS
        $requests = @(Get-ApiRequest $emulator)
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be '/api/v3.1/toolkits/gmail/scopes/recommended'
        $requests[0].body_text | Should -Be '{"tools":["GMAIL_SEND_EMAIL","GMAIL_FETCH_EMAILS"]}'
        $answer.GetType().FullName | Should -Be 'Composio.ScopeRecommendation'
        $answer.LeastPrivilege | Should -Be @("${G}gmail.send", "${G}gmail.readonly")
        $answer.Fewest | Should -Be @("${G}gmail.modify")
        $answer.Scope | Should -Be $answer.LeastPrivilege
        $answer.Conditional[0].Scope | Should -Be "${G}gmail.settings.sharing"
        $answer.Conditional[0].When['account_type'] | Should -Be 'workspace'
        $answer.Conditional[0].For | Should -Be @('GMAIL_SEND_EMAIL')
        ($answer | Out-String) | Should -Match 'Conditional\s*:\s*https://www.googleapis.com/auth/gmail.settings.sharing when account_type=workspace for GMAIL_SEND_EMAIL'
    }

    It 'falls back to the published POST /tools/scopes/required when the beta endpoint answers 404, with the same output' {
        $beta = Get-ComposioToolkitScope -Toolkit gmail -Tool GMAIL_SEND_EMAIL, GMAIL_FETCH_EMAILS
        Add-ComposioEmulatorFault $emulator @{ method = 'POST'; path = '/api/v3.1/toolkits/gmail/scopes/recommended'; kind = 'status'; status = 404 }
        try {
            Clear-ComposioEmulatorRequest $emulator
            $answer = Get-ComposioToolkitScope -Toolkit gmail -Tool GMAIL_SEND_EMAIL, GMAIL_FETCH_EMAILS -ErrorVariable failures
            $failures | Should -BeNullOrEmpty
            $requests = @(Get-ApiRequest $emulator)
            $requests.path | Should -Be @('/api/v3.1/toolkits/gmail/scopes/recommended', '/api/v3.1/tools/scopes/required')
            $requests[1].body_text | Should -Be '{"tools":["GMAIL_SEND_EMAIL","GMAIL_FETCH_EMAILS"]}'
            $answer.GetType().FullName | Should -Be 'Composio.ScopeRecommendation'
            $answer.LeastPrivilege | Should -Be $beta.LeastPrivilege
            $answer.Fewest | Should -Be $beta.Fewest
            $answer.AuthScheme | Should -Be 'OAUTH2'
            $answer.Tools | Should -Be @('GMAIL_SEND_EMAIL', 'GMAIL_FETCH_EMAILS')
        }
        finally { Clear-ComposioEmulatorFault $emulator }
    }

    It 'warns when the recommendation leaves out a scope the scheme requires, and -IncludeRequired adds it' {
        $answer = Get-ComposioToolkitScope -Toolkit gmail -Tool GMAIL_SEND_EMAIL -WarningVariable warned 3>$null
        $answer.Scope | Should -Not -Contain "${G}userinfo.profile"
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Match ([regex]::Escape("${G}userinfo.profile"))
        "$($warned[0])" | Should -Match '-IncludeRequired'
        Clear-ComposioEmulatorRequest $emulator
        $full = Get-ComposioToolkitScope -Toolkit gmail -Tool GMAIL_SEND_EMAIL -IncludeRequired -WarningVariable none 3>$null
        @($none).Count | Should -Be 0
        $full.Scope | Should -Be @("${G}gmail.send", "${G}userinfo.profile")
        $full.Fewest | Should -Contain "${G}userinfo.profile"
        # The request is the same: the required scopes are the toolkit's, added here.
        (Get-Recommend)[0].body_text | Should -Be '{"tools":["GMAIL_SEND_EMAIL"]}'
        # And they reach the config made from it.
        $config = $full | New-ComposioAuthConfig -Toolkit gmail -Name 'gmail-required'
        (Get-ApiRequest $emulator | Where-Object method -eq 'POST' | Where-Object path -like '*/auth_configs').body_text | Should -Match 'userinfo\.profile'
    }

    It '-Recommended alone asks for every tool' {
        $answer = Get-ComposioToolkitScope slack -Recommended
        (Get-Recommend)[0].body_text | Should -Be '{"tools":[]}'
        $answer.LeastPrivilege.Count | Should -Be 8
    }

    It 'names a scheme other than OAUTH2 in the body' {
        Get-ComposioToolkitScope outlook -AuthScheme S2S_OAUTH2 -Recommended | Out-Null
        (Get-Recommend)[0].body_text | Should -Be '{"tools":[],"auth_scheme":"S2S_OAUTH2"}'
    }

    It 'checks -GrantContext against the toolkit''s dimensions, then sends it' {
        $answer = Get-ComposioToolkitScope github -Tool GITHUB_CREATE_AN_ISSUE -GrantContext @{ repository_visibility = 'private' }
        @(Get-ApiRequest $emulator | Where-Object path -like '*/scopes/grant_context').Count | Should -Be 1
        (Get-Recommend)[0].body_text | Should -Be '{"tools":["GITHUB_CREATE_AN_ISSUE"],"grant_context":{"repository_visibility":"private"}}'
        $answer.LeastPrivilege | Should -Be @('public_repo', 'repo')
        $answer.Conditional | Should -BeNullOrEmpty
    }

    It 'refuses <Label> before asking for a recommendation' -ForEach @(
        @{ Label = 'an unknown dimension'; Context = @{ colour = 'red' }; Pattern = 'repository_visibility' }
        @{ Label = 'an unknown value'; Context = @{ repository_visibility = 'secret' }; Pattern = 'public, private' }
    ) {
        Get-ComposioToolkitScope github -Tool GITHUB_CREATE_AN_ISSUE -GrantContext $Context -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidGrantContext,*'
        $failures[0].Exception.Message | Should -Match $Pattern
        Get-Recommend | Should -BeNullOrEmpty
    }

    It 'reports a tool the toolkit lacks as a non-terminating error naming it, and goes on' {
        $got = 'gmail', 'slack' | Get-ComposioToolkitScope -Tool SLACK_SEND_MESSAGE -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ComposioBadRequest,*'
        $failures[0].TargetObject | Should -Be 'gmail'
        "$($failures[0].ErrorDetails)" | Should -Match 'SLACK_SEND_MESSAGE'
        $got.Toolkit | Should -Be 'slack'
    }
}

Describe 'From a recommendation to an auth config' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'pipes the recommended scopes into New-ComposioAuthConfig -Scope' {
        $config = Get-ComposioToolkitScope github -Tool GITHUB_GET_THE_AUTHENTICATED_USER, GITHUB_CREATE_A_GIST |
            New-ComposioAuthConfig -Toolkit github -Name 'GitHub gists'
        (Get-CreateRequest $emulator)[0].body_text | Should -Be '{"toolkit":{"slug":"github"},"auth_config":{"type":"use_composio_managed_auth","credentials":{"scopes":"read:user,gist"},"name":"GitHub gists"}}'
        $config.Credentials['scopes'] | Should -Be 'read:user,gist'
    }

    It 'creates one config per piped recommendation' {
        $answers = 'GITHUB_CREATE_A_GIST', 'GITHUB_LIST_NOTIFICATIONS' | ForEach-Object { Get-ComposioToolkitScope github -Tool $_ }
        $answers | New-ComposioAuthConfig -Toolkit github | Out-Null
        @(Get-CreateRequest $emulator).body.auth_config.credentials.scopes | Should -Be @('gist', 'notifications')
    }
}

Describe 'Scopes derived from -ToolsForConnectedAccountCreation (§8 item 9)' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'the service sets the least-privilege scopes of the tools named at creation' {
        $config = New-ComposioAuthConfig -Toolkit github -ToolsForConnectedAccountCreation GITHUB_STAR_A_REPOSITORY, GITHUB_CREATE_A_GIST
        (Get-CreateRequest $emulator)[0].body.auth_config.tool_access_config.tools_for_connected_account_creation | Should -Be @('GITHUB_STAR_A_REPOSITORY', 'GITHUB_CREATE_A_GIST')
        $config.Credentials['scopes'] | Should -Be 'public_repo,gist'
    }
}

Describe 'Scope checks of New- and Set-ComposioAuthConfig' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'New warns about a scope the toolkit does not list, naming only it, and still sends all as given' {
        New-ComposioAuthConfig -Toolkit github -Scope repo, 'repo:bogus' -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match "does not list this scope: repo:bogus\."
        "$($warnings[0])" | Should -Not -Match 'repo,'
        (Get-CreateRequest $emulator)[0].body.auth_config.credentials.scopes | Should -Be 'repo,repo:bogus'
    }

    It 'New is silent about listed scopes, and -Verbose names the required ones it leaves out' {
        $verbose = New-ComposioAuthConfig -Toolkit gmail -Scope "${G}gmail.send" -WarningVariable warnings -Verbose 4>&1 | Out-String
        $warnings | Should -BeNullOrEmpty
        $verbose | Should -Match "requires scopes: ${G}userinfo.profile; not in -Scope: ${G}userinfo.profile"
    }

    It 'New warns under -WhatIf too, sending nothing' {
        New-ComposioAuthConfig -Toolkit slack -Scope 'chat:wirte' -WhatIf -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'chat:wirte'
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
    }

    It 'New cannot judge a toolkit that lists no scopes, and does not warn' {
        New-ComposioAuthConfig -Toolkit notion -Scope anything -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        $warnings | Should -BeNullOrEmpty
    }

    It 'Set checks -Scope against the config''s toolkit, and still sends the change' {
        $managed = New-ManagedConfig $emulator slack 'slack scopes'
        Clear-ComposioEmulatorRequest $emulator
        $verbose = Set-ComposioAuthConfig -Id $managed -Scope 'chat:write', 'chat:wirte' -WarningVariable warnings -WarningAction SilentlyContinue -Verbose 4>&1 | Out-String
        "$warnings" | Should -Match "Toolkit 'slack' \(OAUTH2\) does not list this scope: chat:wirte\."
        $verbose | Should -Match 'requires scopes: users:read; not in -Scope: users:read'
        (Get-ApiRequest $emulator | Where-Object method -eq 'PATCH').body_text | Should -Be '{"type":"default","scopes":"chat:write,chat:wirte"}'
    }

    It 'Set checks -Scope of a piped config from what it already knows of it, without reading it again' {
        $managed = New-ManagedConfig $emulator slack 'piped'
        $config = Get-ComposioAuthConfig -Id $managed
        Get-ComposioToolkit slack | Out-Null   # cached, so only the config's own requests are left to count
        Clear-ComposioEmulatorRequest $emulator
        $config | Set-ComposioAuthConfig -Name 'no scope check'
        (Get-ApiRequest $emulator).method | Should -Be @('PATCH')
        Clear-ComposioEmulatorRequest $emulator
        $config | Set-ComposioAuthConfig -Scope 'chat:wirte' -WarningVariable warnings -WarningAction SilentlyContinue
        (Get-ApiRequest $emulator).method | Should -Be @('PATCH')
        "$warnings" | Should -Match 'chat:wirte'
    }
}
