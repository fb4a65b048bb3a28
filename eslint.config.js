import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noClasses = { selector: 'ClassDeclaration', message: 'Use functions and plain objects (STYLE.md).' }
const userRole = "[property.name='role'][object.name=/^(user|actor|viewer|reader|admin|currentUser)$/]"
const roleMessage = "Ask the record's policy or can() (app/auth/permissions.ts), not the user's role by hand."

export default tseslint.config(
	{ ignores: ['build/**', 'node_modules/**', 'data/**', 'db/migrations/**', 'public/**'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		plugins: { 'react-hooks': reactHooks },
		rules: {
			...reactHooks.configs.recommended.rules,
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'no-irregular-whitespace': ['error', { skipStrings: true, skipRegExps: true, skipTemplates: true, skipComments: true }],
			'no-restricted-syntax': ['error', noClasses],
		},
	},
	// Routes are thin (docs/architecture.md): who may do what is asked of the permission table and
	// the record's policy, and writes go through a model mutation called with attempt().
	{
		files: ['app/routes/**/*.{ts,tsx}'],
		ignores: ['app/routes/**/*.test.{ts,tsx}'],
		rules: {
			'no-restricted-syntax': [
				'error',
				noClasses,
				{ selector: `BinaryExpression[operator=/^[!=]==?$/] > MemberExpression${userRole}`, message: roleMessage },
				{ selector: `CallExpression[callee.property.name='includes'] > MemberExpression${userRole}`, message: roleMessage },
			],
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: '~/models/write.server',
							importNames: ['write', 'updateVersioned', 'lockVersioned', 'bumpVersion', 'refuse', 'enforce'],
							message: 'A route calls a model mutation through attempt() (app/http/outcomes.server.ts); it never opens a transaction or compares versions.',
						},
					],
				},
			],
		},
	},
)
